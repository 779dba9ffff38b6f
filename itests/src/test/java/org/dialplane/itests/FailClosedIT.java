package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.util.Arrays;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Resources fail closed: a {@code @PbxResource} is not served while core's authentication filter is not active
 * (503 problem+json with Retry-After, never 200 without credentials), while the {@code @PublicResource}s (login,
 * health, the OpenAPI document) keep answering; a vendor resource with {@code @PbxResource} and no other
 * whiteboard annotation is registered, authenticated and held back the same way.
 */
public class FailClosedIT extends DialplaneTestSupport {
    private static final String AUTH_FILTER = "org.dialplane.core.internal.auth.AuthFilter";
    private static final String HELLO = "/pbxapi/vendor/hello";

    @Override
    protected Option options() {
        return composite(database("FailClosedIT"), Logins.adminPassword());
    }

    @Test
    public void whenAuthFilterIsNotActive_thenProtectedPathsAnswer503AndPublicOnesAnswer() throws Exception {
        Http admin = asAdmin();
        assertEquals(200, admin.get("/pbxapi/tenants").status());

        setAuthFilterEnabled(false);
        try {
            String[] protectedPaths = { "/pbxapi/tenants", "/pbxapi/apikeys", "/pbxapi/applychanges",
                "/pbxapi/system/bundles", "/pbxapi/extensions", "/pbxapi/ringgroups/600", "/pbxapi/calls/count" };
            // The whiteboard may rebuild the application more than once after the filter goes: wait for the state
            // it settles in, then check every path in it.
            await("every protected path is held back", () -> java.util.Arrays.stream(protectedPaths)
                    .allMatch(path -> http.get(path).status() == 503));
            for (String path : protectedPaths) {
                assertHeldBack(http.get(path));
                assertHeldBack(admin.get(path));
            }
            assertEquals(200, http.get("/pbxapi/system/health").status());
            assertEquals(200, http.get("/pbxapi/openapi.json").status());
            assertEquals(200, Logins.login(http, "admin", Logins.ADMIN_PASSWORD).status());
            Http.Response unknown = http.get("/pbxapi/nothing-here");
            assertEquals(unknown.toString(), 404, unknown.status());
        } finally {
            setAuthFilterEnabled(true);
        }

        await("/pbxapi/tenants asks for credentials again", () -> http.get("/pbxapi/tenants").status() == 401);
        assertEquals(200, admin.get("/pbxapi/tenants").status());
        assertEquals(200, admin.get("/pbxapi/system/bundles").status());
    }

    @Test
    public void whenVendorResourceCarriesOnlyPbxResource_thenItIsServedAuthenticatedAndHeldBack() throws Exception {
        Bundle vendor;
        try (InputStream jar = Files.newInputStream(testBundle("org.dialplane.example.vendor"))) {
            vendor = context.installBundle("test:fail-closed-vendor", jar);
        }
        try {
            vendor.start();
            await(HELLO + " is served", () -> http.get(HELLO).status() == 200);
            assertEquals(401, http.get(HELLO + "/me").status());
            Http admin = asAdmin();
            Http.Response me = admin.get(HELLO + "/me");
            assertEquals(me.toString(), 200, me.status());
            assertEquals("Hello, admin!", me.json().get("message").asText());

            setAuthFilterEnabled(false);
            try {
                // The whiteboard may rebuild the application more than once after the filter goes: wait for the
                // state it settles in, where the whole resource (its public method too) is held back.
                await(HELLO + " and /me are held back", () -> http.get(HELLO + "/me").status() == 503
                        && http.get(HELLO).status() == 503);
                assertHeldBack(http.get(HELLO));
                assertHeldBack(admin.get(HELLO + "/me"));
            } finally {
                setAuthFilterEnabled(true);
            }
            await(HELLO + "/me asks for credentials again", () -> http.get(HELLO + "/me").status() == 401);
            assertEquals(200, admin.get(HELLO + "/me").status());
        } finally {
            vendor.uninstall();
        }
    }

    private static void assertHeldBack(Http.Response response) {
        assertEquals(response.toString(), 503, response.status());
        ContainerIT.assertProblem(response, 503);
        assertNotNull(response.toString(), response.header("Retry-After"));
        assertTrue(response.body(), response.json().get("detail").asText().contains("authentication is not active"));
    }

    private void setAuthFilterEnabled(boolean enabled) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            Bundle core = Arrays.stream(context.getBundles())
                    .filter(bundle -> "org.dialplane.core".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
            ComponentDescriptionDTO filter = scr.getComponentDescriptionDTO(core, AUTH_FILTER);
            assertNotNull(AUTH_FILTER, filter);
            (enabled ? scr.enableComponent(filter) : scr.disableComponent(filter)).getValue();
        } catch (InvocationTargetException | InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            context.ungetService(reference);
        }
    }
}
