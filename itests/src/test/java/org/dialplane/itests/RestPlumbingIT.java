package org.dialplane.itests;

import static org.dialplane.itests.ContainerIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.dialplane.launcher.Container;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Core's REST plumbing as a resource bundle gets it, over HTTP in the real container: the results envelope,
 * fields and paging, multi-ids, reload, and problem+json on every error path (malformed JSON, wrong media type,
 * a body over the limit, a malformed chunked body, a value of the wrong type, validation, 404, 405).
 */
public class RestPlumbingIT extends DialplaneTestSupport {

    /** A database of its own: the API is ready (and serves anything) only with one. */
    @Override
    protected Option options() {
        return database("RestPlumbingIT");
    }
    private static final String PROBE = "/pbxapi/test-plumbing";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private PlumbingProbeResource probe;
    private ServiceRegistration<PlumbingProbeResource> registration;

    @Before
    public void registerProbe() {
        probe = new PlumbingProbeResource();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jakartars.resource", Boolean.TRUE);
        properties.put("osgi.jakartars.name", "test.plumbing");
        registration = context.registerService(PlumbingProbeResource.class, probe, properties);
        await(PROBE + " is served", () -> http.get(PROBE).status() == 200);
    }

    @After
    public void unregisterProbe() {
        registration.unregister();
        await(PROBE + " is gone", () -> http.get(PROBE).status() == 404);
    }

    @Test
    public void whenListed_thenEnvelopedWithDefaultFieldsAndPagedWithTotal() {
        JsonNode all = ok(http.get(PROBE)).json();
        assertEquals(3, all.get("results").size());
        assertTrue(all.get("results").get(0).has("name"));
        assertFalse(all.get("results").get(0).has("size"));
        assertNull(all.get("total"));

        JsonNode page = ok(http.get(PROBE + "?limit=2&fields=*")).json();
        assertEquals(3, page.get("total").asInt());
        assertTrue(page.get("results").get(0).has("size"));
    }

    @Test
    public void whenOneItemRequested_thenAListOfOne() {
        JsonNode one = ok(http.get(PROBE + "/101?fields=size")).json();
        assertEquals(1, one.get("results").size());
        assertEquals(2, one.get("results").get(0).get("size").asInt());
    }

    @Test
    public void whenQueryParametersInvalid_then400Problems() {
        problem(http.get(PROBE + "?fields=colour"), 400, "colour");
        problem(http.get(PROBE + "?limit=100000"), 400, "limit");
        problem(http.get(PROBE + "?order=colour"), 400, "colour");
        problem(http.get(PROBE + "?direction=sideways"), 400, "direction");
    }

    @Test
    public void whenPosted_then201WithLocationAndNoBodyAndReloadHonoured() {
        Http.Response created = http.send("POST", PROBE + "?reload=false", "{\"name\":\"new\",\"size\":\"4\"}", JSON);
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("location"), created.header("location").endsWith(PROBE + "/103"));
        assertEquals("", created.body());
        assertEquals(0, probe.reloads);
        http.send("POST", PROBE, "{\"name\":\"again\"}", JSON);
        assertEquals(1, probe.reloads);
    }

    @Test
    public void whenMultiDeleted_thenAllOrNothingDeleted() {
        problem(http.send("DELETE", PROBE + "/100,998,999", null, Map.of()), 404, "998, 999");
        assertEquals(3, probe.rows.size());
        assertEquals(200, http.send("DELETE", PROBE + "/100,101", null, Map.of()).status());
        assertEquals(1, probe.rows.size());
    }

    @Test
    public void whenJsonMalformed_then400Problem() {
        problem(http.send("POST", PROBE, "{\"name\": ", JSON), 400, "not valid JSON");
        problem(http.send("POST", PROBE + "/100/resize", "{\"size\"", JSON), 400, "not valid JSON");
        problem(http.send("POST", PROBE, "[1, 2]", JSON), 400, "JSON object");
    }

    @Test
    public void whenChunkedBodyMalformed_then400Problem() throws Exception {
        int port = Integer.parseInt(context.getProperty(Container.HTTP_PORT_PROPERTY));
        String request = "POST " + PROBE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
        Http.Response response = RawHttp.exchange(port, request);
        assertEquals(response.toString(), 400, response.status());
        assertProblem(response, 400);
        assertEquals(3, probe.rows.size());
    }

    @Test
    public void whenAnsweredBeforeTheBodyWasRead_thenConnectionStaysUsable() throws Exception {
        int port = Integer.parseInt(context.getProperty(Container.HTTP_PORT_PROPERTY));
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Answered without reading the body: a media type it does not take, and no such resource.
            for (String[] call : new String[][] {{PROBE, "text/plain", "415"}, {"/pbxapi/nowhere", "application/json",
                    "404"}}) {
                out.write(("POST " + call[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + call[1] + "\r\n"
                        + "Content-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300); // the body comes after the server could have answered: as over a slow network
                out.write("{}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Http.Response answer = RawHttp.readOne(in);
                assertEquals(answer.toString(), Integer.parseInt(call[2]), answer.status());
                assertNull(answer.toString(), answer.header("connection"));
            }
            out.write("GET /pbxapi/system/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("the same connection answers the next request", 200, RawHttp.readOne(in).status());
        }
    }

    @Test
    public void whenMediaTypeWrong_then415Problem() {
        problem(http.send("POST", PROBE, "name=x", Map.of("Content-Type", "application/x-www-form-urlencoded")),
                415, "application/x-www-form-urlencoded");
        problem(http.send("POST", PROBE, "{}", Map.of("Content-Type", "text/plain")), 415, "text/plain");
    }

    @Test
    public void whenBodyOverOneMebibyteDeclaredOrChunked_then413Problem() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        problem(http.send("POST", PROBE, big, JSON), 413, "larger than");

        // A chunked upload declares no length: the limit counts the bytes as they come.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty(Container.HTTP_PORT_PROPERTY) + PROBE))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 413, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        assertEquals(3, probe.rows.size());
    }

    @Test
    public void whenDeclaredBodyTooLarge_then413AndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 5_000);
            OutputStream out = socket.getOutputStream();
            // Declares 2 MiB and sends a little: the server answers without reading the rest, and must say it will
            // not read the next request from this connection, where the unread bytes would be taken for one.
            out.write(("POST " + PROBE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 2 * 1024 * 1024 + "\r\n\r\n{\"name\":\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            Http.Response response = RawHttp.readOne(in);
            assertEquals(response.toString(), 413, response.status());
            assertEquals("close", response.header("connection"));
            assertEquals("the server closed the connection", -1, in.read());
        }
    }

    @Test
    public void whenFieldsInvalid_then422ProblemListingEachField() {
        JsonNode body = problem(http.send("POST", PROBE, "{\"size\":\"huge\"}", JSON), 422, "2 fields").json();
        assertEquals("name", body.get("errors").get(0).get("field").asText());
        assertEquals("size", body.get("errors").get(1).get("field").asText());
        // The same for a body bound to a record by Jackson.
        JsonNode bound = problem(http.send("POST", PROBE + "/100/resize", "{\"size\":\"big\"}", JSON), 422, "size")
                .json();
        assertEquals("size", bound.get("errors").get(0).get("field").asText());
    }

    @Test
    public void whenReloadInvalid_then400Problem() {
        problem(http.send("POST", PROBE + "?reload=perhaps", "{\"name\":\"x\"}", JSON), 400, "reload");
        problem(http.send("POST", PROBE, "{\"name\":\"x\",\"reload\":\"yes\"}", JSON), 400, "reload");
        assertEquals(3, probe.rows.size());
    }

    @Test
    public void whenIdsMissingOrPathUnknown_then404Problems() {
        problem(http.get(PROBE + "/101,999"), 404, "999");
        problem(http.get(PROBE + "/nothing/here"), 404, "/pbxapi/test-plumbing/nothing/here");
        problem(http.get(PROBE + "/1x"), 400, "1x");
    }

    @Test
    public void whenMethodWrong_then405ProblemWithAllow() {
        Http.Response response = http.send("PUT", PROBE, "{}", JSON);
        problem(response, 405, "POST");
        assertTrue(response.header("allow"), response.header("allow").contains("GET"));
    }

    // Helpers return the response, not Jackson types: JUnit reads these signatures outside the container, where
    // Jackson is not on the class path.

    private static Http.Response ok(Http.Response response) {
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.toString(), response.header("content-type").startsWith("application/json"));
        return response;
    }

    private static Http.Response problem(Http.Response response, int status, String detailPart) {
        assertEquals(response.toString(), status, response.status());
        assertProblem(response, status);
        assertTrue(response.body(), response.json().get("detail").asText().contains(detailPart));
        return response;
    }
}
