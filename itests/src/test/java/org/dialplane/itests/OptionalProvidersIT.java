package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.util.Arrays;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * A resource bundle is optional to every other: with the extensions bundle stopped, /pbxapi/extensions answers 404
 * problem+json and leaves the OpenAPI document, while ring groups, calls and the document keep working and health
 * answers 503 "degraded" naming the stopped bundle;
 * started again, /pbxapi/extensions is back.
 */
public class OptionalProvidersIT extends DialplaneTestSupport {
    private static final String EXTENSIONS = "/pbxapi/extensions";
    private static FakeAmiServer server;

    @Override
    protected Option options() {
        return composite(database("OptionalProvidersIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()));
    }

    @Test
    public void whenExtensionsBundleStops_thenOnlyItsPathsGoAndTheRestKeepsWorking() throws Exception {
        server = AmiPeers.of(this);
        Http admin = asAdmin();
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        assertEquals(200, admin.get(EXTENSIONS).status());
        Bundle extensions = Arrays.stream(context.getBundles())
                .filter(bundle -> "org.dialplane.extensions".equals(bundle.getSymbolicName())).findFirst().orElseThrow();

        extensions.stop();
        try {
            await(EXTENSIONS + " is gone", () -> admin.get(EXTENSIONS).status() == 404);
            ContainerIT.assertProblem(admin.get(EXTENSIONS), 404);
            assertEquals(200, admin.get("/pbxapi/ringgroups").status());
            Http.Response created = admin.json("PUT", "/pbxapi/ringgroups/650?reload=0",
                    "{\"name\":\"Without extensions\",\"strategy\":\"ringall\",\"extension_list\":[\"401\"]}");
            assertTrue(created.toString(), created.status() < 300);
            assertEquals(200, admin.get("/pbxapi/calls/count").status());
            // Health still answers, and tells the truth: a bundle of the installed features is down (once its
            // evaluation, kept for 200 ms, sees the change).
            await("health is degraded", () -> http.get("/pbxapi/system/health").status() == 503);
            Http.Response health = http.get("/pbxapi/system/health");
            assertEquals(503, health.status());
            assertEquals("degraded", health.json().get("status").asText());
            assertTrue(health.toString(), health.json().toString().contains("org.dialplane.extensions"));
            Http.Response openApi = http.get("/pbxapi/openapi.json");
            assertEquals(200, openApi.status());
            assertFalse(openApi.json().get("paths").has(EXTENSIONS));
            assertTrue(openApi.json().get("paths").has("/pbxapi/ringgroups"));
        } finally {
            extensions.start();
        }

        await(EXTENSIONS + " is back", () -> admin.get(EXTENSIONS).status() == 200);
        await("health is up again", () -> http.get("/pbxapi/system/health").status() == 200);
        assertTrue(http.get("/pbxapi/openapi.json").json().get("paths").has(EXTENSIONS));
    }
}
