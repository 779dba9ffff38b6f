package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The default installation: every bundle active, the system endpoints served, errors as problem+json, including
 * the requests Jetty rejects itself.
 */
public class ContainerIT extends DialplaneTestSupport {

    /** A database of its own: the API is ready (and serves anything) only with one. */
    @Override
    protected Option options() {
        return database("ContainerIT");
    }

    @Test
    public void whenDefaultFeatureInstalled_thenEveryBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName());
            }
        }
        assertEquals("bundles not active", List.of(), notActive);
    }

    @Test
    public void whenHealthRequested_then200Up() {
        Http.Response health = http.get("/pbxapi/system/health");
        assertEquals(200, health.status());
        assertEquals("up", health.json().get("status").asText());
    }

    @Test
    public void whenOpenApiRequested_thenSystemEndpointsListed() {
        Http.Response openapi = http.get("/pbxapi/openapi.json");
        assertEquals(openapi.toString(), 200, openapi.status());
        JsonNode paths = openapi.json().get("paths");
        assertTrue(openapi.body(), paths.has("/pbxapi/system/health"));
        assertTrue(openapi.body(), paths.has("/pbxapi/system/bundles"));
        assertTrue(openapi.body(), paths.get("/pbxapi/system/health").has("get"));
    }

    @Test
    public void whenDocsRequested_thenSwaggerUiOnTheLiveDocumentServedFromCore() {
        Http.Response docs = http.get("/pbxapi/docs");
        assertEquals(200, docs.status());
        assertTrue(docs.header("content-type"), docs.header("content-type").startsWith("text/html"));
        assertTrue(docs.body(), docs.body().contains("src=\"/pbxapi/docs/swagger-ui-bundle.js\""));
        assertFalse("no CDN: " + docs.body(), docs.body().contains("//cdn") || docs.body().contains("https://"));
        assertTrue(http.get("/pbxapi/docs/dialplane-docs.js").body().contains("url: '/pbxapi/openapi.json'"));
        Http.Response bundle = http.get("/pbxapi/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.status());
        assertTrue(bundle.header("content-type"), bundle.header("content-type").startsWith("text/javascript"));
        assertTrue(bundle.body().length() > 1_000_000);
        assertEquals(304, http.send("GET", "/pbxapi/docs/swagger-ui.css", null,
                Map.of("If-None-Match", bundle.header("ETag"))).status());
        assertProblem(http.get("/pbxapi/docs/index.html"), 404);
        assertProblem(http.get("/pbxapi/docs/..%2F..%2Fopenapi.json"), 400);

        Http.Response list = http.get("/pbxapi/docs/list");
        assertEquals(200, list.status());
        assertTrue(list.body(), list.body().contains("/pbxapi/system/health"));
    }

    @Test
    public void whenPathUnknown_then404ProblemJson() {
        for (String path : List.of("/pbxapi/no/such/thing", "/not-the-api", "/")) {
            Http.Response response = http.get(path);
            assertEquals(path, 404, response.status());
            assertProblem(response, 404);
        }
    }

    @Test
    public void whenMethodWrong_then405ProblemJson() {
        Http.Response response = http.send("DELETE", "/pbxapi/system/health", null, Map.of());
        assertEquals(405, response.status());
        assertProblem(response, 405);
        assertTrue(response.header("allow"), response.header("allow").contains("GET"));
    }

    /**
     * Requests Jetty rejects before any servlet runs, by its strict URI compliance or its HTTP parser, keep their
     * status and Jetty's reason, as problem+json rather than Jetty's HTML page. Sent over a raw socket: an HTTP
     * client would normalise or refuse them.
     */
    @Test
    public void whenJettyRejectsTheRequest_thenItsStatusAndReasonAsProblemJson() throws Exception {
        String host = "Host: 127.0.0.1\r\nConnection: close\r\n";
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("GET /pbxapi/calls/a%2Fb/recording HTTP/1.1\r\n" + host, "Ambiguous URI path separator");
        reasons.put("GET /pbxapi/calls/%2e%2e/recording HTTP/1.1\r\n" + host, "Ambiguous URI path segment");
        reasons.put("GET /pbxapi/x/..;/y HTTP/1.1\r\n" + host, "Ambiguous URI path parameter");
        reasons.put("GET /pbxapi/calls/a%00/recording HTTP/1.1\r\n" + host, "Bad Request");
        reasons.put("GET /pbxapi/calls/a%5Cb HTTP/1.1\r\n" + host, "Suspicious Path Character");
        reasons.put("DELETE /pbxapi/calls/a%2Fb HTTP/1.1\r\n" + host, "Ambiguous URI path separator");
        reasons.put("GET /pbxapi/system/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n", "Bad HostPort");
        reasons.put("GET /pbxapi/system/health HTTP/1.1\r\nConnection: close\r\n", "No Host");
        reasons.put("POST /pbxapi/system/health HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n",
                "Bad Transfer-Encoding, chunked not last");
        reasons.put("GARBAGE\r\n", "No URI");
        for (Map.Entry<String, String> rejected : reasons.entrySet()) {
            Http.Response response = RawHttp.exchange(port(), rejected.getKey() + "\r\n");
            assertEquals(rejected.getKey(), 400, response.status());
            assertProblem(response, 400);
            assertEquals(rejected.getKey(), rejected.getValue(), response.json().get("detail").asText());
        }

        String tooLarge = "GET /pbxapi/system/health HTTP/1.1\r\n" + host + "X-Big: " + "x".repeat(20_000) + "\r\n";
        assertProblem(RawHttp.exchange(port(), tooLarge + "\r\n"), 431);
        String tooLong = "GET /pbxapi/" + "x".repeat(20_000) + " HTTP/1.1\r\n" + host;
        assertProblem(RawHttp.exchange(port(), tooLong + "\r\n"), 414);
        assertProblem(RawHttp.exchange(port(), "GET /pbxapi/system/health HTTP/9.9\r\n" + host + "\r\n"), 505);
    }

    static void assertProblem(Http.Response response, int status) {
        assertEquals(response.toString(), status, response.status());
        String type = response.header("content-type");
        assertTrue(response.toString(), type != null && type.startsWith("application/problem+json"));
        JsonNode body = response.json();
        assertEquals(status, body.get("status").asInt());
        assertTrue(response.body(), body.hasNonNull("title"));
        assertTrue(response.body(), body.hasNonNull("detail"));
    }
}
