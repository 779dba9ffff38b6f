package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The MiRTA facade is a bundle like a vendor's: removed at runtime, its paths answer 404 (core's fallback) while the
 * rest keeps working; dropped into deploy/, it serves again; deleted from deploy/, it is gone again. No restart.
 * And it fails closed: while core cannot check keys, every request is a 503, never served.
 * <p>
 * In name order: the removal test leaves the facade removed.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MirtaHotDeployIT extends DialplaneTestSupport {
    private static final String KEY_CHECK = "org.dialplane.core.internal.auth.keys.ApiKeyAuthentication";
    private static final String HELP = "/mirtapbx/proxyapi.php?reqtype=HELP";
    /** As HotDeployIT holds the example vendor bundle to it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Override
    protected Option options() {
        return database("MirtaHotDeployIT");
    }

    @Test
    public void whenCoresKeyCheckIsGone_thenEveryRequestIs503NeverServed() {
        String help = HELP + "&key=dpk_0000000000000000_" + "A".repeat(43);
        awaitStatus(401);
        setKeyCheckEnabled(false);
        try {
            await("the facade answers 503", PROMPTLY, () -> http.get(help).status() == 503);
            Http.Response refused = http.get(help);
            Mirta.error(refused, 503);
            assertTrue(refused.toString(), refused.header("Retry-After") != null);
        } finally {
            setKeyCheckEnabled(true);
        }
        await("the facade checks keys again", PROMPTLY, () -> http.get(help).status() == 401);
    }

    @Test
    public void whenFacadeRemovedThenDroppedInDeployThenDeleted_thenItsPathsComeAndGo() throws Exception {
        Bundle mirta = Arrays.stream(context.getBundles())
                .filter(bundle -> "org.dialplane.mirta".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        Path jar = Path.of(URI.create(mirta.getLocation()));
        // Served: without a key, MiRTA's own error (not the fallback's 404).
        awaitStatus(401);
        assertTrue(Mirta.error(http.get(HELP), 401).contains("key"));

        mirta.uninstall();
        awaitStatus(404);
        assertEquals(404, http.get("/pbx/proxyapi.php?reqtype=HELP").status());
        assertRestKeepsWorkingAndHealthNamesTheMissingBundle(mirta.getLocation());

        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path partial = deploy.resolve("mirta.jar.part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, deploy.resolve("mirta.jar"), StandardCopyOption.ATOMIC_MOVE);
        awaitStatus(401);
        Mirta.error(http.get("/pbx/proxyapi.php?reqtype=HELP"), 401);

        Files.delete(deploy.resolve("mirta.jar"));
        awaitStatus(404);

        assertRestKeepsWorkingAndHealthNamesTheMissingBundle(mirta.getLocation());
    }

    /**
     * The facade is a bundle of the installed feature: health tells the truth about it (degraded, naming it) while
     * everything else answers. (A jar in deploy/ is not the feature's bundle, so health stays degraded then too.)
     */
    private void assertRestKeepsWorkingAndHealthNamesTheMissingBundle(String location) {
        // Health keeps its evaluation for a moment (200 ms): wait for it to see the change.
        await("health names " + location, PROMPTLY, () -> http.get("/pbxapi/system/health").body().contains(location));
        Http.Response health = http.get("/pbxapi/system/health");
        assertEquals(health.toString(), 503, health.status());
        assertEquals("degraded", health.json().get("status").asText());
        assertEquals(200, http.get("/pbxapi/openapi.json").status());
    }

    private void setKeyCheckEnabled(boolean enabled) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            Bundle core = Arrays.stream(context.getBundles())
                    .filter(bundle -> "org.dialplane.core".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
            ComponentDescriptionDTO component = scr.getComponentDescriptionDTO(core, KEY_CHECK);
            (enabled ? scr.enableComponent(component) : scr.disableComponent(component)).getValue();
        } catch (InvocationTargetException | InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            context.ungetService(reference);
        }
    }

    private void awaitStatus(int status) {
        await(HELP + " answers " + status, PROMPTLY, () -> http.get(HELP).status() == status);
    }
}
