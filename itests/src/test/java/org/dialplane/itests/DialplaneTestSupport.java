package org.dialplane.itests;

import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;

import javax.inject.Inject;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.launcher.Container;
import org.dialplane.launcher.FeatureFile;
import org.dialplane.launcher.Logging;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The base of every integration test: a Felix container per test class with the bundles of the default
 * feature, at their start levels, from the same repository the distribution is built from; its own free HTTP
 * port and home directory; and an HTTP client. Subclasses add options by overriding {@link #options()}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class DialplaneTestSupport {
    /** How long a condition may take before a test fails. */
    protected static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    protected BundleContext context;

    protected Http http;
    /**
     * The admin's access token, one per container (this class is loaded in each test class's own container): a
     * login costs a password hash, seconds on a loaded CI machine, and every test of a class would pay it. Tests of
     * logins themselves call {@link Logins} directly.
     */
    private static volatile String adminToken;

    @Configuration
    public Option[] configuration() throws IOException {
        List<Option> options = new ArrayList<>();
        options.add(features("dialplane"));
        options.add(home(getClass().getSimpleName()));
        options.add(httpPort(freePort()));
        options.add(logging(getClass().getSimpleName()));
        options.add(junitBundles());
        options.add(frameworkProperty("org.osgi.framework.startlevel.beginning")
                .value(Integer.toString(Container.ACTIVE_START_LEVEL)));
        options.add(frameworkStartLevel(Container.ACTIVE_START_LEVEL));
        Container.declarativeServicesProperties()
                .forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        options.add(cleanCaches(true));
        options.add(options());
        return options.toArray(Option[]::new);
    }

    /** More options for one test class; none by default. */
    protected Option options() {
        return composite();
    }

    @Before
    public void awaitApi() {
        http = new Http(port());
        // Health answers 200 only once the database is usable and every resource registered is served.
        await("the API answers /pbxapi/system/health", () -> http.get("/pbxapi/system/health").status() == 200);
    }

    // ---- options -------------------------------------------------------------------------------------------

    /** The bundles of the named features, at their start levels, from the distribution's repository. */
    public static Option features(String... names) throws IOException {
        Path repository = Path.of(System.getProperty("dialplane.repository"));
        FeatureFile file = FeatureFile.read(repository.resolve("feature.xml"));
        List<Option> bundles = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (FeatureFile.BundleRef ref : file.bundles(List.of(names))) {
            Path jar = repository.resolve(ref.repositoryPath());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(ref.url() + " is in feature.xml but not in features/pom.xml: " + jar);
            }
            locations.add(jar.toUri().toString());
            var option = bundle(jar.toUri().toString()).startLevel(ref.startLevel());
            bundles.add(isFragment(jar) ? option.noStart() : option);
        }
        // As the launcher tells core which bundles make the installation (they must be active for health's "up").
        bundles.add(frameworkProperty(Container.BUNDLES_PROPERTY).value(String.join(",", locations)));
        return composite(bundles.toArray(Option[]::new));
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        }
    }

    /** A fresh home directory for this test class, wired like the product's (deploy/ watched). */
    public static Option home(String name) throws IOException {
        Path home = Path.of(System.getProperty("dialplane.test.work")).resolve(name).toAbsolutePath();
        deleteRecursively(home);
        Files.createDirectories(home.resolve("deploy"));
        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(home.resolve("exam").toString()));
        Container.homeProperties(home).forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        return composite(options.toArray(Option[]::new));
    }

    /**
     * Databases of this test class's own (PBX and CDR) on the run's shared MariaDB server; the product creates
     * them and their tables at start, as on a fresh install.
     */
    public static Option database(String testName) {
        SharedDatabase.Server server = SharedDatabase.server();
        String name = SharedDatabase.databaseName(testName, SharedDatabase.external());
        return composite(
                frameworkProperty("dialplane.db.url").value(server.database(name)),
                frameworkProperty("dialplane.cdr.db.url").value(server.database(name + "_cdr")),
                frameworkProperty("dialplane.db.user").value(server.user()),
                frameworkProperty("dialplane.db.password").value(server.password()));
    }

    /** The public HTTP port of this class's container. */
    protected int port() {
        return Integer.parseInt(context.getProperty(Container.HTTP_PORT_PROPERTY));
    }

    /** Logs in as admin (the container needs {@link Logins#adminPassword()}); a client sending the token. */
    protected Http asAdmin() {
        String token = adminToken;
        if (token == null) {
            token = Logins.adminToken(http);
            adminToken = token;
        }
        return http.bearer(token);
    }

    /**
     * The public port, which core opens once its readiness gate is in place, and Felix's own loopback listener,
     * as the launcher sets them.
     */
    public static Option httpPort(int port) {
        List<Option> options = new ArrayList<>();
        options.add(frameworkProperty(Container.HTTP_PORT_PROPERTY).value(Integer.toString(port)));
        Container.felixHttpProperties().forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        return composite(options.toArray(Option[]::new));
    }

    /**
     * The product's logging: the distribution's etc/logback.xml, writing to the console (the test's output file) and
     * to log/dialplane.log in this class's home, in the format named by {@code dialplane.test.log.format} (plain by
     * default).
     */
    public static Option logging(String name) {
        List<Option> options = new ArrayList<>();
        Path home = Path.of(System.getProperty("dialplane.test.work")).resolve(name).toAbsolutePath();
        Path config = Path.of(System.getProperty("dialplane.test.logback"));
        Logging.systemProperties(config, home.resolve("log"), System.getProperty("dialplane.test.log.format", "plain"))
                .forEach((key, value) -> options.add(systemProperty(key).value(value)));
        return composite(options.toArray(Option[]::new));
    }

    /** A jar built by this project for the tests, such as the example vendor bundle. */
    public static Path testBundle(String artifactId) {
        return Path.of(System.getProperty("dialplane.test.bundles")).resolve(artifactId + ".jar");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Asterisk paths ------------------------------------------------------------------------------------

    /**
     * Configures {@code org.dialplane.asterisk} ({@code spool}, {@code etc}, {@code sounds}) as the product's
     * {@code etc/org.dialplane.asterisk.cfg} does: a file FileInstall applies, here from this class's deploy/
     * (which the test containers watch). Call it from {@link #options()} before the container starts, or from a
     * test to change the paths while running; then {@link #awaitAsteriskPath} until the service has them.
     */
    protected void configureAsteriskPaths(Map<String, String> values) {
        Path deploy = Path.of(System.getProperty("dialplane.test.work")).resolve(getClass().getSimpleName())
                .resolve("deploy").toAbsolutePath();
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append(" = ").append(value.replace("\\", "\\\\"))
                .append('\n'));
        try {
            Files.createDirectories(deploy);
            // Whole or not at all, and from outside deploy/: FileInstall installs any file it finds there.
            Path temporary = Files.writeString(deploy.resolveSibling("org.dialplane.asterisk.cfg.tmp"), text);
            Files.move(temporary, deploy.resolve("org.dialplane.asterisk.cfg"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until core's {@code AsteriskPaths} answers {@code expected} for {@code which}: spool, etc or sounds. */
    protected void awaitAsteriskPath(String which, Path expected) {
        await("the Asterisk " + which + " folder is " + expected, () -> expected.equals(asteriskPath(which)));
    }

    /**
     * What core's {@code AsteriskPaths} answers now for spool, etc or sounds; null before it is registered. Core's
     * types appear in method bodies only: the test classes are loaded outside the container too, without core.
     */
    protected Path asteriskPath(String which) {
        ServiceReference<AsteriskPaths> reference = context.getServiceReference(AsteriskPaths.class);
        AsteriskPaths paths = reference == null ? null : context.getService(reference);
        if (paths == null) {
            return null;
        }
        try {
            return switch (which) {
                case "spool" -> paths.spool();
                case "etc" -> paths.etc();
                case "sounds" -> paths.sounds();
                default -> throw new IllegalArgumentException(which);
            };
        } finally {
            context.ungetService(reference);
        }
    }

    // ---- conditions ----------------------------------------------------------------------------------------

    /** Waits until the condition holds, failing the test with {@code what} after {@link #DEADLINE}. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, DEADLINE, condition);
    }

    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("Timed out after " + deadline.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting until " + what);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
