package org.dialplane.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Apply-changes with a configured command: a burst of requests runs it once; a failing run is visible in
 * {@code GET /pbxapi/applychanges}. The command appends to a log and fails while a flag file exists.
 */
public class ApplyChangesIT extends DialplaneTestSupport {
    private static final Path WORK = Path.of(System.getProperty("dialplane.test.work"), "ApplyChangesIT-apply")
            .toAbsolutePath();
    private static final Path LOG = WORK.resolve("applied.log");
    private static final Path FAIL = WORK.resolve("fail");

    @Override
    protected Option options() {
        try {
            Files.createDirectories(WORK);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String script = "echo applied >> '" + LOG + "'; if [ -e '" + FAIL + "' ]; then echo config broken; exit 3; fi";
        // A quiet window of 5 s (default 0.5 s) and no maximum delay to speak of: the burst's 100 POSTs are one
        // burst even on a loaded CI machine, where a pause of half a second between two of them happens.
        return composite(database("ApplyChangesIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/sh -c \"" + script + "\""),
                frameworkProperty("dialplane.apply.quiet.ms").value("5000"),
                frameworkProperty("dialplane.apply.max.delay.ms").value("600000"));
    }

    private Http admin;

    @org.junit.Before
    public void login() {
        admin = asAdmin();
    }

    @Test
    public void whenHundredRequestsComeInABurst_thenTheCommandRunsOnce() throws Exception {
        Files.deleteIfExists(FAIL);
        long runsBefore = runs();
        long linesBefore = lines();
        for (int i = 0; i < 100; i++) {
            assertEquals(202, admin.send("POST", "/pbxapi/applychanges", null, java.util.Map.of()).status());
        }
        await("the burst applied", () -> runs() > runsBefore && settled());
        var status = status().json();
        assertEquals(runsBefore + 1, status.get("runs").asLong());
        assertEquals(linesBefore + 1, lines());
        assertEquals("success", status.get("last_result").asText());
        assertEquals("command", status.get("method").asText());
    }

    @Test
    public void whenCommandFails_thenTheFailureIsVisibleInTheStatus() throws Exception {
        Files.writeString(FAIL, "x");
        try {
            long runsBefore = runs();
            admin.send("POST", "/pbxapi/applychanges", null, java.util.Map.of());
            await("the apply ran", () -> runs() > runsBefore && settled());
            var status = status().json();
            assertEquals("failure", status.get("last_result").asText());
            assertEquals("/bin/sh exited with 3", status.get("last_error").asText());
            assertTrue(status.toString(), status.get("last_output").asText().contains("config broken"));
        } finally {
            Files.deleteIfExists(FAIL);
        }
    }

    // Helpers return no Jackson types: JUnit inspects method signatures outside the container, where
    // Jackson is deliberately not on the class path.
    private Http.Response status() {
        Http.Response response = admin.get("/pbxapi/applychanges");
        assertEquals(response.toString(), 200, response.status());
        return response;
    }

    private long runs() {
        return status().json().get("runs").asLong();
    }

    /** Nothing pending and nothing running. */
    private boolean settled() {
        var status = status().json();
        return !status.get("pending").asBoolean() && !status.get("running").asBoolean();
    }

    private static long lines() throws IOException {
        return Files.exists(LOG) ? Files.readAllLines(LOG).size() : 0;
    }
}
