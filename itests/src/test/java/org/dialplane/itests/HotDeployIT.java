package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * A vendor bundle comes and goes while the container runs: its endpoint and its OpenAPI entry appear and
 * disappear, and the system endpoints answer throughout.
 */
public class HotDeployIT extends DialplaneTestSupport {

    /** A database of its own: the API is ready (and serves anything) only with one. */
    @Override
    protected Option options() {
        return database("HotDeployIT");
    }
    private static final String HELLO = "/pbxapi/vendor/hello";
    /** The promise for hot deploy and removal; the tests hold the product to it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Test
    public void whenBundleStartedStoppedOrUninstalled_thenTheEndpointIsAddedAndRemoved() throws Exception {
        assertEquals(404, http.get(HELLO).status());
        Bundle vendor;
        try (InputStream jar = Files.newInputStream(testBundle("org.dialplane.example.vendor"))) {
            vendor = context.installBundle("test:example-vendor", jar);
        }
        vendor.start();
        awaitStatus(200);
        assertTrue(http.get(HELLO + "?name=Ada").json().get("message").asText().contains("Ada"));
        assertTrue(http.get("/pbxapi/openapi.json").json().get("paths").has(HELLO));

        vendor.stop();
        awaitStatus(404);
        assertFalse(http.get("/pbxapi/openapi.json").json().get("paths").has(HELLO));
        assertEquals(200, http.get("/pbxapi/system/health").status());

        vendor.start();
        awaitStatus(200);

        vendor.uninstall();
        awaitStatus(404);
        assertEquals(200, http.get("/pbxapi/system/health").status());
    }

    @Test
    public void whenJarDroppedInDeploy_thenServedAndRemovedWithIt() throws Exception {
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path dropped = deploy.resolve("example-vendor.jar");
        assertEquals(404, http.get(HELLO).status());

        Path partial = deploy.resolve("example-vendor.jar.part");
        Files.copy(testBundle("org.dialplane.example.vendor"), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
        awaitStatus(200);

        Files.delete(dropped);
        awaitStatus(404);
        assertEquals(200, http.get("/pbxapi/system/health").status());
    }

    private void awaitStatus(int status) {
        await(HELLO + " answers " + status, PROMPTLY, () -> http.get(HELLO).status() == status);
    }
}
