package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.dialplane.core.db.Database;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vendor bundle comes and goes while the container runs: its endpoint and its OpenAPI entry appear and
 * disappear, and the system endpoints answer throughout.
 */
public class HotDeployIT extends DialplaneTestSupport {

    /** A database of its own: the API is ready (and serves anything) only with one. */
    @Override
    protected Option options() {
        return composite(database("HotDeployIT"), Logins.adminPassword());
    }
    private static final String HELLO = "/pbxapi/vendor/hello";
    private static final String GREETINGS = "/pbxapi/vendor/greetings";
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

    @Test
    public void whenBundleWithMigrationsDeployed_thenItsTableIsMadeOnceAndKeptAcrossRedeploys() throws Exception {
        Bundle vendor = installVendor();
        vendor.start();
        await(GREETINGS + " answers", PROMPTLY, () -> http.get(GREETINGS).status() == 401);
        Http admin = asAdmin();
        Http.Response added = admin.json("POST", GREETINGS, "{\"text\":\"Kept across redeploys\"}");
        assertEquals(added.toString(), 201, added.status());
        assertEquals(List.of("1"), appliedMigrations());

        vendor.uninstall();
        await(GREETINGS + " is gone", PROMPTLY, () -> http.get(GREETINGS).status() == 404);
        vendor = installVendor();
        vendor.start();
        await(GREETINGS + " answers again", PROMPTLY, () -> admin.get(GREETINGS).status() == 200);

        JsonNode greetings = admin.get(GREETINGS).json().get("results");
        assertEquals(greetings.toString(), "Kept across redeploys", greetings.get(0).get("text").asText());
        assertEquals("the migration ran once, not at each deploy", List.of("1"), appliedMigrations());
        assertEquals(400, admin.json("POST", GREETINGS, "{\"text\":\"\"}").status());
        vendor.uninstall();
        awaitStatus(404); // gone before the next test, which starts without the vendor bundle
    }

    private Bundle installVendor() throws Exception {
        try (InputStream jar = Files.newInputStream(testBundle("org.dialplane.example.vendor"))) {
            return context.installBundle("test:example-vendor-migrations", jar);
        }
    }

    private List<String> appliedMigrations() throws SQLException {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        try (Connection connection = context.getService(ref).pbx().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT version FROM dp_bundle_schema_version WHERE owner = ? ORDER BY version")) {
            select.setString(1, "org.dialplane.example.vendor");
            List<String> versions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
            return versions;
        } finally {
            context.ungetService(ref);
        }
    }

    private void awaitStatus(int status) {
        await(HELLO + " answers " + status, PROMPTLY, () -> http.get(HELLO).status() == status);
    }
}
