package org.dialplane.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * {@link Jdbc#insertRows} and {@link Jdbc#replaceRows} against a connection that records what it is sent: the rows
 * in order, split at the row, placeholder and size limits, every value a parameter, statements closed; an INSERT
 * into MariaDB 10.2 or later as one batch the driver sends with its bulk protocol.
 */
class MultiRowInsertTest {
    /** One executed statement: its SQL and its parameters in order. */
    private record Sent(String sql, List<Object> params) {
    }

    /**
     * A connection that records each executeUpdate (answering the count of rows the statement carried) and each row
     * of an executeBatch, to a server that is MySQL 8.0 unless told otherwise.
     */
    private static final class Recording {
        final List<Sent> sent = new ArrayList<>();
        final List<Sent> batched = new ArrayList<>();
        int prepared;
        int open;
        int batches;
        String product = "MySQL";
        int[] serverVersion = {8, 0};
        String url = "jdbc:mysql://db/asterisk";

        Recording() {
        }

        Recording(String product, int major, int minor, String url) {
            this.product = product;
            this.serverVersion = new int[] {major, minor};
            this.url = url;
        }

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getMetaData" -> metaData();
                        case "prepareStatement" -> {
                            prepared++;
                            open++;
                            yield statement((String) args[0]);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private DatabaseMetaData metaData() {
            return (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getDatabaseProductName" -> product;
                        case "getDatabaseMajorVersion" -> serverVersion[0];
                        case "getDatabaseMinorVersion" -> serverVersion[1];
                        case "getURL" -> url;
                        case "getDriverMajorVersion" -> 3;
                        case "getDriverMinorVersion" -> 5;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private PreparedStatement statement(String sql) {
            TreeMap<Integer, Object> params = new TreeMap<>();
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "setObject" -> params.put((Integer) args[0], args[1]);
                        case "executeUpdate" -> {
                            int placeholders = (int) sql.chars().filter(c -> c == '?').count();
                            assertEquals(placeholders, params.size(), "every placeholder bound: " + sql);
                            assertEquals(placeholders, params.lastKey());
                            sent.add(new Sent(sql, new ArrayList<>(params.values())));
                            params.clear();
                            yield placeholders / columns(sql);
                        }
                        case "addBatch" -> {
                            batched.add(new Sent(sql, new ArrayList<>(params.values())));
                            params.clear();
                            yield null;
                        }
                        case "executeBatch" -> {
                            batches++;
                            yield new int[0];
                        }
                        case "close" -> {
                            open--;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private static int columns(String sql) {
            String head = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
            return head.split(",").length;
        }

        List<Object> allParams() {
            return sent.stream().flatMap(s -> s.params().stream()).toList();
        }
    }

    private static List<Object[]> sipRows(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Object[] {Integer.toString(100000 + i), "secret", "pw" + i, i % 3})
                .toList();
    }

    @Test
    void whenTwoAndAHalfThousandRows_thenThreeStatementsOfAThousandAtMostWithEveryValueInOrder() throws SQLException {
        Recording db = new Recording();
        List<Object[]> rows = sipRows(2500);

        int inserted = Jdbc.insertRows(db.connection(), "sip", List.of("id", "keyword", "data", "flags"), rows);

        assertEquals(2500, inserted);
        assertEquals(List.of(4000, 4000, 2000), db.sent.stream().map(s -> s.params().size()).toList());
        assertTrue(db.sent.get(0).sql().startsWith("INSERT INTO sip (id, keyword, data, flags) VALUES"
                + " (?, ?, ?, ?), (?, ?, ?, ?), "), db.sent.get(0).sql().substring(0, 120));
        assertTrue(db.sent.get(2).sql().endsWith("(?, ?, ?, ?)"));
        assertEquals(rows.stream().flatMap(r -> List.of(r).stream()).toList(), db.allParams());
        assertEquals(2, db.prepared, "the statement of a thousand rows is prepared once and reused");
        assertEquals(0, db.open, "every statement closed");
    }

    @Test
    void whenReplacing_thenTheVerbIsReplaceAndNullsAreSent() throws SQLException {
        Recording db = new Recording();
        List<Object[]> rows = List.of(new Object[] {"AMPUSER", "100/cidname", "Ada"},
                new Object[] {"AMPUSER", "100/cidnum", null});

        Jdbc.replaceRows(db.connection(), "dp_astdb", List.of("family", "keyname", "value"), rows);

        assertEquals("REPLACE INTO dp_astdb (family, keyname, value) VALUES (?, ?, ?), (?, ?, ?)", db.sent.get(0).sql());
        assertEquals(java.util.Arrays.asList("AMPUSER", "100/cidname", "Ada", "AMPUSER", "100/cidnum", null),
                db.allParams());
    }

    @Test
    void whenRowsAreWide_thenAStatementStaysUnderThePlaceholderLimit() throws SQLException {
        Recording db = new Recording();
        List<String> columns = IntStream.range(0, 100).mapToObj(i -> "c" + i).toList();
        List<Object[]> rows = IntStream.range(0, 1000).mapToObj(i -> new Object[100]).toList();

        Jdbc.insertRows(db.connection(), "wide", columns, rows);

        assertEquals(List.of(65500, 34500), db.sent.stream().map(s -> s.params().size()).toList());
    }

    @Test
    void whenValuesAreLong_thenAStatementStaysUnderThePacketLimitAndAnOversizedRowGoesAlone() throws SQLException {
        Recording db = new Recording();
        String tenThousand = "x".repeat(10_000);
        List<Object[]> rows = new ArrayList<>(IntStream.range(0, 100)
                .mapToObj(i -> new Object[] {Integer.toString(i), tenThousand}).toList());
        rows.add(50, new Object[] {"huge", "y".repeat(MultiRowInsert.MAX_BYTES)});

        Jdbc.insertRows(db.connection(), "notes", List.of("id", "body"), rows);

        List<Object> ids = new ArrayList<>();
        for (Sent sent : db.sent) {
            long bytes = 0;
            for (int i = 0; i < sent.params().size(); i += 2) {
                bytes += MultiRowInsert.estimatedBytes(new Object[] {sent.params().get(i), sent.params().get(i + 1)});
                ids.add(sent.params().get(i));
            }
            assertTrue(bytes <= MultiRowInsert.MAX_BYTES || sent.params().size() == 2, sent.sql().length() + " "
                    + bytes);
        }
        assertTrue(db.sent.stream().anyMatch(s -> s.params().size() == 2 && "huge".equals(s.params().get(0))));
        assertEquals(rows.stream().map(r -> r[0]).toList(), ids);
        assertTrue(db.sent.size() < 15, db.sent.size() + " statements for 101 rows");
    }

    @Test
    void whenInsertingIntoMariaDb102OrLater_thenOneBatchTheDriverSendsInBulk() throws SQLException {
        Recording db = new Recording("MariaDB", 11, 4, "jdbc:mariadb://127.0.0.1:3306/asterisk");
        List<Object[]> rows = sipRows(12_000);

        int inserted = Jdbc.insertRows(db.connection(), "sip", List.of("id", "keyword", "data", "flags"), rows);

        assertEquals(12_000, inserted);
        assertTrue(db.sent.isEmpty(), "no multi-row statement");
        assertEquals(1, db.prepared);
        assertEquals(2, db.batches, "a batch per ten thousand rows");
        assertEquals(Set.of("INSERT INTO sip (id, keyword, data, flags) VALUES (?, ?, ?, ?)"),
                db.batched.stream().map(Sent::sql).collect(Collectors.toSet()));
        assertEquals(rows.stream().flatMap(r -> List.of(r).stream()).toList(),
                db.batched.stream().flatMap(b -> b.params().stream()).toList());
        assertEquals(0, db.open);
    }

    @Test
    void whenReplacingOrTheServerHasNoBulkProtocolOrItIsOff_thenMultiRowStatements() throws SQLException {
        for (Recording db : List.of(new Recording("MariaDB", 11, 4, "jdbc:mariadb://db/asterisk"),
                new Recording("MariaDB", 5, 5, "jdbc:mariadb://db/asterisk"),
                new Recording("MariaDB", 10, 11, "jdbc:mariadb://db/asterisk?useBulkStmtsForInserts=false"))) {
            List<Object[]> rows = sipRows(1500);
            if (db.serverVersion[0] == 11) {
                Jdbc.replaceRows(db.connection(), "sip", List.of("id", "keyword", "data", "flags"), rows);
            } else {
                Jdbc.insertRows(db.connection(), "sip", List.of("id", "keyword", "data", "flags"), rows);
            }
            assertEquals(2, db.sent.size(), db.product + " " + db.serverVersion[0] + " " + db.url);
            assertTrue(db.batched.isEmpty());
        }
    }

    @Test
    void whenNoRows_thenNothingIsSent() throws SQLException {
        Recording db = new Recording();
        assertEquals(0, Jdbc.insertRows(db.connection(), "sip", List.of("id"), List.of()));
        assertEquals(0, db.prepared);
    }

    @Test
    void whenANameIsNotPlainOrARowHasTheWrongWidth_thenRefusedAndClosed() {
        Recording db = new Recording();
        assertThrows(IllegalArgumentException.class, () -> Jdbc.insertRows(db.connection(), "sip; DROP TABLE users",
                List.of("id"), sipRows(1)));
        assertThrows(IllegalArgumentException.class, () -> Jdbc.insertRows(db.connection(), "sip",
                List.of("id`, `x"), sipRows(1)));
        assertThrows(IllegalArgumentException.class, () -> Jdbc.insertRows(db.connection(), "sip", List.of(),
                sipRows(1)));
        assertThrows(IllegalArgumentException.class, () -> Jdbc.insertRows(db.connection(), "sip",
                List.of("id", "keyword"), sipRows(3)));
        assertEquals(0, db.open);
        assertTrue(db.sent.isEmpty());
    }
}
