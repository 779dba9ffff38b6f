package org.dialplane.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The shipped schema scripts: only CREATE ... IF NOT EXISTS, and every table the product relies on. */
class IssabelSchemaTest {

    @Test
    void whenStatementCreatesIfNotExists_thenItsNameIsFound() {
        assertEquals(Optional.of("users"), IssabelSchema.createdName("CREATE TABLE IF NOT EXISTS `users` (x INT)"));
        assertEquals(Optional.of("v"), IssabelSchema.createdName("create view if not exists v as select 1"));
        assertTrue(IssabelSchema.createdName("CREATE TABLE users (x INT)").isEmpty());
        assertTrue(IssabelSchema.createdName("ALTER TABLE users ADD y INT").isEmpty());
    }

    @Test
    void whenAsteriskScriptRuns_thenItCreatesTheTablesTheProductUsesAndNothingElse() throws IOException {
        List<String> names = createdNames("/db/issabel/asterisk.sql");
        assertTrue(names.containsAll(List.of("users", "devices", "sip", "ringgroups", "queues_config",
                "queues_details", "trunks", "trunk_dialpatterns", "outbound_routes", "outbound_route_patterns",
                "outbound_route_trunks", "outbound_route_sequence", "incoming", "meetme", "custom_destinations",
                "recordings", "featurecodes", "globals", "admin", "alldestinations")), names.toString());
    }

    @Test
    void whenCdrScriptRuns_thenItCreatesCdrAndQueueLog() throws IOException {
        assertEquals(List.of("cdr", "queue_log"), createdNames("/db/issabel/asteriskcdrdb.sql"));
    }

    private static List<String> createdNames(String resource) throws IOException {
        try (InputStream in = IssabelSchemaTest.class.getResourceAsStream(resource)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SqlScript.statements(script).stream()
                    .map(sql -> IssabelSchema.createdName(sql).orElseThrow(() -> new AssertionError("Not a "
                            + "CREATE ... IF NOT EXISTS: " + sql)))
                    .toList();
        }
    }
}
