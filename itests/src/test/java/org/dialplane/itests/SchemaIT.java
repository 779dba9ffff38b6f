package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.dialplane.core.db.Database;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.InitializationError;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

/**
 * The product on the real IssabelPBX 2018 database exactly as it is (MyISAM, latin1, tables without primary
 * keys): it starts, adds only its own tables, and leaves every IssabelPBX table's structure as it found it.
 * The dump lives outside the repository ({@code shared/reference/} beside it, or DIALPLANE_REFERENCE_DIR);
 * without it the test is skipped, and says so.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class SchemaIT extends DialplaneTestSupport {
    private static final String DUMP = "issabelpbx-2018-dump.sql";
    private static final String BEFORE = "dialplane.test.schema.before";

    /**
     * A fingerprint of every non-Dialplane table of the database: engine, collation, columns (type, default,
     * nullability, collation, extra) and indexes. Equal fingerprints mean untouched structures.
     */
    static final String FINGERPRINT = "SELECT CONCAT("
            + "(SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', table_name, table_type, IFNULL(engine, '-'),"
            + " IFNULL(table_collation, '-')) ORDER BY table_name SEPARATOR ';')) FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'dp\\_%'), ' ',"
            + "(SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', table_name, column_name, ordinal_position, column_type,"
            + " IFNULL(column_default, '-'), is_nullable, IFNULL(collation_name, '-'), extra)"
            + " ORDER BY table_name, ordinal_position SEPARATOR ';')) FROM information_schema.columns"
            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'dp\\_%'), ' ',"
            + "(SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', table_name, index_name, seq_in_index, column_name, non_unique)"
            + " ORDER BY table_name, index_name, seq_in_index SEPARATOR ';')) FROM information_schema.statistics"
            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'dp\\_%'))";

    @Override
    protected Option options() {
        return dumpDatabase("SchemaIT");
    }

    /**
     * Pax Exam reports an assumption that fails inside the container as a pass; this runner reports every test
     * as skipped instead, before any container starts, when the dump is absent.
     */
    public static final class SkippedWithoutDump extends PaxExam {
        public SkippedWithoutDump(Class<?> testClass) throws InitializationError {
            super(testClass);
        }

        @Override
        public void run(RunNotifier notifier) {
            if (Files.isRegularFile(dump())) {
                super.run(notifier);
                return;
            }
            System.out.println("SchemaIT SKIPPED: " + dump() + " is absent (set DIALPLANE_REFERENCE_DIR)");
            getDescription().getChildren().forEach(notifier::fireTestIgnored);
        }
    }

    /**
     * The options that point a container at a fresh database of the test class's own holding the 2018 dump; none
     * when the dump is absent, so the runner can skip the class visibly.
     */
    static Option dumpDatabase(String testName) {
        Path dump = dump();
        if (!Files.isRegularFile(dump)) {
            return composite();
        }
        List<Option> options = new ArrayList<>();
        DumpDatabase.properties(dump, testName, FINGERPRINT, BEFORE)
                .forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        return composite(options.toArray(Option[]::new));
    }

    /** The reference directory: DIALPLANE_REFERENCE_DIR, else the first shared/reference up from here. */
    static Path dump() {
        String explicit = System.getenv("DIALPLANE_REFERENCE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit, DUMP);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference").resolve(DUMP);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of("shared/reference", DUMP);
    }

    @Test
    public void whenRunOnTheIssabel2018Dump_thenItStartsAndLeavesIssabelTablesUntouched() throws SQLException {
        String expected = context.getProperty(BEFORE);
        assumeTrue("SKIPPED: the IssabelPBX 2018 dump (shared/reference/" + DUMP + ") is not available",
                expected != null);
        assertTrue("a fingerprint of three MD5s, not of empty results: " + expected,
                expected.matches("[0-9a-f]{32} [0-9a-f]{32} [0-9a-f]{32}"));
        await("the database is up in /pbxapi/system/health", () -> "up".equals(
                http.get("/pbxapi/system/health").json().path("database").path("state").asText()));
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        assertNotNull("the Database service is registered", ref);
        Database db = context.getService(ref);
        try (Connection c = db.pbx().getConnection(); Statement s = c.createStatement()) {
            assertEquals("IssabelPBX tables' structure", expected, single(s, FINGERPRINT));
            assertEquals("the dump's tables are still MyISAM/latin1", "MyISAM latin1_swedish_ci",
                    single(s, "SELECT CONCAT(engine, ' ', table_collation) FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_name = 'users'"));
            assertTrue("Dialplane's migrations ran", Integer.parseInt(single(s,
                    "SELECT MAX(version) FROM dp_schema_version")) >= 1);
            assertEquals("default", single(s, "SELECT code FROM dp_tenants WHERE id = 1"));
            single(s, "SELECT COUNT(*) FROM alldestinations"); // the dump's view still answers
        }
        try (Connection c = db.cdr().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("cdr", "queue_log")) {
                assertEquals(table + " created in the CDR database", "0", single(s, "SELECT COUNT(*) FROM " + table));
            }
        }
        context.ungetService(ref);
    }

    @Test
    public void whenHealthAsked_thenItShowsTheSchemaVersion() {
        assumeTrue("SKIPPED: the IssabelPBX 2018 dump is not available", context.getProperty(BEFORE) != null);
        await("the database is up", () -> "up".equals(
                http.get("/pbxapi/system/health").json().path("database").path("state").asText()));
        assertTrue(http.get("/pbxapi/system/health").json().path("database").path("schema_version").asInt() >= 1);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue("a row from " + sql, rs.next());
            return rs.getString(1);
        }
    }
}
