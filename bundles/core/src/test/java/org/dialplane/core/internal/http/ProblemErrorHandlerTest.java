package org.dialplane.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dialplane.core.internal.rest.Json;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Jetty server, as Felix builds it (default compliance), with our error handler, spoken to in memory. */
class ProblemErrorHandlerTest {
    private static Server server;
    private static LocalConnector connector;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (request.getHttpURI().getPath().startsWith("/fail")) {
                    throw new IllegalStateException("secret internals");
                }
                callback.succeeded();
                return true;
            }
        });
        server.setErrorHandler(new ProblemErrorHandler());
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpTester.Response send(String head) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(head + "\r\n\r\n"));
    }

    private static Map<String, Object> problem(HttpTester.Response response, int status) throws Exception {
        assertEquals(status, response.getStatus(), response.getContent());
        assertEquals("application/problem+json", response.get("Content-Type"));
        Map<String, Object> body = Json.MAPPER.readValue(response.getContent(), Map.class);
        assertEquals("about:blank", body.get("type"));
        assertEquals(status, body.get("status"));
        assertFalse(((String) body.get("title")).isBlank());
        return body;
    }

    @Test
    void whenJettyRejectsARequest_thenAProblemWithJettysReason() throws Exception {
        assertEquals("Ambiguous URI path separator",
                problem(send("GET /pbxapi/calls/a%2Fb/recording HTTP/1.1\r\nHost: x"), 400).get("detail"));
        assertEquals("Ambiguous URI path segment",
                problem(send("GET /pbxapi/calls/%2e%2e/recording HTTP/1.1\r\nHost: x"), 400).get("detail"));
        assertEquals("Bad HostPort", problem(send("GET / HTTP/1.1\r\nHost: a b"), 400).get("detail"));
        assertEquals("Bad Request", problem(send("GARBAGE"), 400).get("title"));
        problem(send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "x".repeat(20_000)), 431);
        problem(send("GET /" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: x"), 414);
        problem(send("GET / HTTP/9.9\r\nHost: x"), 505);
    }

    @Test
    void whenRejectedWithAnyMethod_thenTheProblemBodyIsSent() throws Exception {
        problem(send("DELETE /a%2Fb HTTP/1.1\r\nHost: x"), 400);
        problem(send("PUT /a%2Fb HTTP/1.1\r\nHost: x\r\nContent-Length: 0"), 400);
    }

    @Test
    void whenHeadRequestRejected_thenTheHeadersOnly() throws Exception {
        String raw = connector.getResponse("HEAD /a%2Fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
        assertTrue(raw.contains("Content-Type: application/problem+json"), raw);
        assertTrue(raw.endsWith("\r\n\r\n"), raw);
    }

    @Test
    void whenServerError_then500SayingNothingOfItsCause() throws Exception {
        HttpTester.Response response = send("GET /fail HTTP/1.1\r\nHost: x");
        Map<String, Object> body = problem(response, 500);
        assertFalse(response.getContent().contains("secret"), response.getContent());
        assertFalse(response.getContent().contains("IllegalStateException"), response.getContent());
        assertTrue(((String) body.get("detail")).contains("logged"));
    }

    @Test
    void whenDetailWritten_thenShortPrintableTextNeverAnExceptionName() {
        IllegalArgumentException cause = new IllegalArgumentException("x");
        assertEquals("Bad Request", ProblemErrorHandler.detail(400, cause.toString(), cause));
        assertEquals("Bad Request", ProblemErrorHandler.detail(400, null, null));
        assertEquals("a?b", ProblemErrorHandler.detail(400, "a\nb", null));
        assertEquals(200, ProblemErrorHandler.detail(400, "y".repeat(1000), null).length());
        assertFalse(ProblemErrorHandler.detail(500, "java.sql.SQLException: password", null).contains("password"));
    }
}
