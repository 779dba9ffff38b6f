package org.dialplane.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Dialplane: resolves the settings, prepares the home directory, boots Felix with the bundles of the
 * configured features, waits until the API answers and reports where it listens and how long that took.
 */
public final class Main {
    private static final long STOP_TIMEOUT_MILLIS = 4_000;
    /** A first start installs the embedded database on the same cores: allow for a slow machine. */
    private static final long READY_TIMEOUT_MILLIS = 90_000;

    private Main() {
    }

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        try {
            System.exit(run(args, startNanos));
        } catch (IllegalArgumentException e) {
            System.err.println("dialplane: " + e.getMessage());
            System.err.println("Try 'dialplane --help'.");
            System.exit(2);
        } catch (Exception e) {
            System.err.println("dialplane: could not start: " + e);
            System.exit(1);
        }
    }

    private static int run(String[] args, long startNanos) throws Exception {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                usage(System.out);
                return 0;
            }
            String value;
            String name = arg;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            if (name.equals("--home")) {
                home = Path.of(value);
                continue;
            }
            String flagName = name;
            Setting setting = Arrays.stream(Setting.values()).filter(s -> flagName.equals(s.flag)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown option " + flagName));
            flags.put(setting, value);
        }
        Path install = Distribution.installDirectory();
        if (home == null) {
            String env = System.getenv("DIALPLANE_HOME");
            home = env != null && !env.isBlank() ? Path.of(env) : install;
        }
        home = home.toAbsolutePath().normalize();
        Distribution.prepareHome(install, home);
        Settings settings = new Settings(flags, System.getenv(), home.resolve("etc/dialplane.cfg"));
        Logging.configure(install, home, settings.get(Setting.LOG_FORMAT));

        FeatureFile features = FeatureFile.read(install.resolve("bundles/feature.xml"));
        List<FeatureFile.BundleRef> bundles = features.bundles(List.of(settings.get(Setting.FEATURES).split(",")));
        Optional<EmbeddedDatabase> database = EmbeddedDatabase.startIfUnconfigured(home, settings);
        if (database.isPresent()) {
            settings = settings.with(database.get().connectionSettings());
        }
        Container container = new Container(home, settings, install.resolve("bundles"), bundles);
        container.start(install.resolve("bundles"), bundles);
        container.watchConfigDirectory(home.resolve("etc"));
        Signals.onTermination(() -> {
            try {
                Logging.quietForShutdown();
                container.stop(STOP_TIMEOUT_MILLIS);
            } catch (Exception e) {
                System.err.println("dialplane: error while stopping: " + e);
            }
            database.ifPresent(EmbeddedDatabase::stop); // after the framework: its pools close first
            Runtime.getRuntime().halt(0);
        });

        for (String problem : container.problems()) {
            System.err.println("dialplane: " + problem);
        }
        int port = settings.httpPort();
        String base = "http://" + displayHost(settings.get(Setting.HTTP_HOST)) + ":" + port + "/pbxapi";
        String late = ReadinessProbe.await(port, READY_TIMEOUT_MILLIS);
        if (late == null) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            System.out.printf("Dialplane ready on %s in %.2f s (home %s)%n", base, seconds, home);
        } else {
            System.err.println("dialplane: not ready within " + READY_TIMEOUT_MILLIS / 1000 + " s: " + late
                    + " (see " + base + "/system/health)");
        }
        container.awaitStop();
        database.ifPresent(EmbeddedDatabase::stop);
        return 0;
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.isEmpty() ? "localhost" : host;
    }

    private static void usage(PrintStream out) {
        out.println("Usage: dialplane [--home DIR] [--port N] [--host ADDR] [--https-port N]");
        out.println();
        out.println("Starts Dialplane, the REST API for Asterisk PBX, and serves it under /pbxapi.");
        out.println();
        out.println("  --home DIR    home directory: etc/ (settings, .cfg files), deploy/ (hot deploy), data/,");
        out.println("                log/. Default: $DIALPLANE_HOME, else the installation directory.");
        out.println("  --help        this text");
        out.println();
        out.println("Settings: flag > environment variable > etc/dialplane.cfg > default.");
        out.printf("  %-28s %-20s %-8s %s%n", "environment", "dialplane.cfg", "flag", "meaning [default]");
        for (Setting s : Setting.all()) {
            out.printf("  %-28s %-20s %-8s %s%s%n", s.env, s.key, s.flag == null ? "" : s.flag, s.description,
                    s.defaultValue.isEmpty() ? "" : " [" + s.defaultValue + "]");
        }
        out.println();
        out.println("Drop a bundle jar in deploy/ to add its endpoints while running; remove it to take them away.");
        out.println("SIGTERM or Ctrl-C stops the server cleanly (exit status 0).");
    }
}
