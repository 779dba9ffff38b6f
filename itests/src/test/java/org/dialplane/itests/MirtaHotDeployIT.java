package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * The MiRTA facade is a bundle like a vendor's: removed at runtime, its paths answer 404 (core's fallback) while the
 * rest keeps working; dropped into deploy/, it serves again; deleted from deploy/, it is gone again. No restart.
 */
public class MirtaHotDeployIT extends DialplaneTestSupport {
    private static final String HELP = "/mirtapbx/proxyapi.php?reqtype=HELP";
    /** As HotDeployIT holds the example vendor bundle to it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Override
    protected Option options() {
        return database("MirtaHotDeployIT");
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
        Http.Response health = http.get("/pbxapi/system/health");
        assertEquals(health.toString(), 503, health.status());
        assertEquals("degraded", health.json().get("status").asText());
        assertTrue(health.body(), health.body().contains(location));
        assertEquals(200, http.get("/pbxapi/openapi.json").status());
    }

    private void awaitStatus(int status) {
        await(HELP + " answers " + status, PROMPTLY, () -> http.get(HELP).status() == status);
    }
}
