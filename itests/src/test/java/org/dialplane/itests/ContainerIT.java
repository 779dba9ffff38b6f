package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;

/** The default installation: every bundle active, the system endpoints served, errors as problem+json. */
public class ContainerIT extends DialplaneTestSupport {

    @Test
    public void everyBundleOfTheDefaultFeatureIsActive() {
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
    public void healthAnswersUp() {
        Http.Response health = http.get("/pbxapi/system/health");
        assertEquals(200, health.status());
        assertEquals("up", health.json().get("status").asText());
    }

    @Test
    public void openApiListsTheSystemEndpoints() {
        Http.Response openapi = http.get("/pbxapi/openapi.json");
        assertEquals(openapi.toString(), 200, openapi.status());
        JsonNode paths = openapi.json().get("paths");
        assertTrue(openapi.body(), paths.has("/pbxapi/system/health"));
        assertTrue(openapi.body(), paths.has("/pbxapi/system/bundles"));
        assertTrue(openapi.body(), paths.get("/pbxapi/system/health").has("get"));
    }

    @Test
    public void docsPageIsServed() {
        Http.Response docs = http.get("/pbxapi/docs");
        assertEquals(200, docs.status());
        assertTrue(docs.header("content-type"), docs.header("content-type").startsWith("text/html"));
        assertTrue(docs.body(), docs.body().contains("/pbxapi/system/health"));
    }

    @Test
    public void unknownPathsAnswerProblemJson() {
        for (String path : List.of("/pbxapi/no/such/thing", "/not-the-api", "/")) {
            Http.Response response = http.get(path);
            assertEquals(path, 404, response.status());
            assertProblem(response, 404);
        }
    }

    @Test
    public void wrongMethodAnswers405ProblemJson() {
        Http.Response response = http.send("DELETE", "/pbxapi/system/health", null, Map.of());
        assertEquals(405, response.status());
        assertProblem(response, 405);
        assertTrue(response.header("allow"), response.header("allow").contains("GET"));
    }

    static void assertProblem(Http.Response response, int status) {
        assertTrue(response.toString(), response.header("content-type").startsWith("application/problem+json"));
        JsonNode body = response.json();
        assertEquals(status, body.get("status").asInt());
        assertTrue(response.body(), body.hasNonNull("title"));
        assertTrue(response.body(), body.hasNonNull("detail"));
    }
}
