package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.InitializationError;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * The API explorer in a real browser: headless Debian Chromium opens /pbxapi/docs, authorizes with an API key,
 * sees a bundle hot-deployed meanwhile after a reload, runs GET /pbxapi/extensions through "Try it out" and shows
 * the 200 and the JSON. Screenshots are kept in
 * {@code itests/target/explorer-screenshots/}. Skips, saying why, where Chromium and chromedriver are not installed.
 * <p>
 * This class runs inside the container (it makes the key and the extension); the browser is driven by
 * {@link ExplorerBrowser} on the application class path, where Selenium is, reached through the system class loader
 * with JDK types only.
 */
@RunWith(ExplorerIT.SkippedWithoutChromium.class)
public class ExplorerIT extends DialplaneTestSupport {
    private static final String VENDOR_PATH = "/pbxapi/vendor/hello";
    private static final Path ASTERISK_ETC = Path.of(System.getProperty("dialplane.test.work"), "ExplorerIT-etc")
            .toAbsolutePath();

    @Override
    protected Option options() {
        try {
            Files.createDirectories(ASTERISK_ETC);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        configureAsteriskPaths(Map.of("etc", ASTERISK_ETC.toString()));
        return composite(database("ExplorerIT"), Logins.adminPassword());
    }

    @Test
    public void whenKeyAuthorizedInTheExplorer_thenTryItOutShowsTheExtensions() throws Exception {
        assumeTrue("the runner skips without Chromium", browser().getMethod("missing").invoke(null) == null);
        awaitAsteriskPath("etc", ASTERISK_ETC);
        Http admin = asAdmin();
        Http.Response created = admin.json("POST", "/pbxapi/extensions?reload=0",
                "{\"name\":\"Seen In The Explorer\"}");
        assertEquals(created.toString(), 201, created.status());
        Http.Response made = admin.json("POST", "/pbxapi/apikeys", "{\"name\":\"explorer\",\"read_only\":true}");
        assertEquals(made.toString(), 201, made.status());
        String key = made.json().get("results").get(0).get("key").asText();

        Map<String, String> seen = explore("http://127.0.0.1:" + port(), key, this::deployVendorBundle);

        assertTrue(seen.toString(), seen.get("title").contains("Dialplane API"));
        assertEquals("the vendor's operation is not there before its bundle: " + seen, "false",
                seen.get("deployedBefore"));
        assertEquals("a reload shows the bundle deployed meanwhile: " + seen, "true", seen.get("deployedAfter"));
        assertEquals(seen.toString(), "200", seen.get("status"));
        assertTrue(seen.toString(), seen.get("body").contains("\"results\""));
        assertTrue(seen.toString(), seen.get("body").contains("Seen In The Explorer"));
        assertTrue("the explorer sent the key as X-API-Key to this server: " + seen,
                seen.get("curl").contains("X-API-Key")
                        && seen.get("curl").contains(":" + port() + "/pbxapi/extensions"));
    }

    /** The example vendor bundle into deploy/, as an operator drops it; until the document lists its operation. */
    private void deployVendorBundle() {
        try {
            Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
            Path partial = deploy.resolveSibling("example-vendor.jar.part");
            Files.copy(testBundle("org.dialplane.example.vendor"), partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, deploy.resolve("example-vendor.jar"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("the document lists " + VENDOR_PATH,
                () -> http.get("/pbxapi/openapi.json").json().get("paths").has(VENDOR_PATH));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> explore(String base, String key, Runnable deploy) throws Exception {
        Path screenshots = Path.of(System.getProperty("dialplane.test.work")).resolveSibling("explorer-screenshots");
        try {
            return (Map<String, String>) browser()
                    .getMethod("explore", String.class, String.class, Path.class, Runnable.class, String.class)
                    .invoke(null, base, key, screenshots, deploy, VENDOR_PATH);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Pax Exam reports an assumption that fails inside the container as a pass; this runner (on the driver side,
     * where Selenium is) reports the test as skipped instead, before any container starts, when Chromium or
     * chromedriver is not installed, and says why.
     */
    public static final class SkippedWithoutChromium extends PaxExam {
        public SkippedWithoutChromium(Class<?> testClass) throws InitializationError {
            super(testClass);
        }

        @Override
        public void run(RunNotifier notifier) {
            String missing = ExplorerBrowser.missing();
            if (missing == null) {
                super.run(notifier);
                return;
            }
            System.out.println("ExplorerIT SKIPPED: " + missing);
            getDescription().getChildren().forEach(notifier::fireTestIgnored);
        }
    }

    /** The driver-side class, from the application class path (the container's copy of it cannot see Selenium). */
    private static Class<?> browser() throws ClassNotFoundException {
        return ClassLoader.getSystemClassLoader().loadClass("org.dialplane.itests.ExplorerBrowser");
    }
}
