package org.dialplane.core.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * {@link Jdbc#insertRows} and {@link Jdbc#replaceRows}: many rows as few {@code INSERT ... VALUES (?, ?), (?, ?),
 * ...} statements, each still fully parameterised. One statement of a thousand rows is parsed, planned and logged
 * once, where a JDBC batch of single-row statements is executed row by row by the server (MariaDB Connector/J 3.x
 * sends an INSERT batch with its bulk protocol, but a REPLACE one statement per row: 250,000 AstDB mirror keys took
 * 19 s of a 10,000-extension import that way).
 *
 * <p>Except for an INSERT on MariaDB 10.2 or later through Connector/J 3.2 or later (unless its URL turns
 * {@code useBulkStmtsForInserts} off): there the driver sends a JDBC batch of single-row INSERTs with MariaDB's bulk
 * protocol (COM_STMT_BULK_EXECUTE, values bound once per row, one statement on the server), which cost about a third
 * less CPU than multi-row statements of the same rows (300,000 {@code sip} rows: 1.1 s of client and server CPU
 * against 1.7 s). REPLACE has no bulk path unless {@code useBulkStmts} is on for every batch, and older servers or
 * MySQL none at all: multi-row statements are the fast path everywhere else.
 *
 * <p>A statement holds at most {@link #MAX_ROWS} rows, at most {@link #MAX_PLACEHOLDERS} placeholders (the protocol's
 * limit on a prepared statement's parameters) and about {@link #MAX_BYTES} of values, below the smallest
 * {@code max_allowed_packet} a PBX is likely to run with (1 MiB, MariaDB 5.5's default, which Issabel's CentOS ships).
 */
final class MultiRowInsert {
    static final int MAX_ROWS = 1000;
    static final int MAX_PLACEHOLDERS = 65_535;
    static final int MAX_BYTES = 512 * 1024;
    /** Rows per executeBatch on the bulk path: the driver splits them into packets itself; this bounds memory. */
    static final int BULK_ROWS = 10_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String head;
    private final int width;

    /**
     * @param verb    {@code INSERT} or {@code REPLACE}
     * @param table   the table; code, never input (checked to be a plain name)
     * @param columns the columns each row gives a value for, in order (checked the same way)
     */
    MultiRowInsert(String verb, String table, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns to insert into " + table);
        }
        StringJoiner names = new StringJoiner(", ", verb + " INTO " + plainName(table) + " (", ") VALUES ");
        columns.forEach(column -> names.add(plainName(column)));
        this.head = names.toString();
        this.width = columns.size();
    }

    /** Writes the rows in order, as few statements as the limits allow; the sum of their update counts. */
    int write(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        for (Object[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("a row of " + row.length + " values for " + width + " columns: "
                        + head);
            }
        }
        if (head.startsWith("INSERT ") && bulkInserts(connection)) {
            return writeBulk(connection, rows);
        }
        int maxRows = Math.min(MAX_ROWS, MAX_PLACEHOLDERS / width);
        int changed = 0;
        PreparedStatement statement = null;
        int preparedRows = 0;
        try {
            int start = 0;
            while (start < rows.size()) {
                int end = end(rows, start, maxRows);
                if (statement == null || preparedRows != end - start) {
                    if (statement != null) {
                        statement.close();
                        statement = null;
                    }
                    statement = connection.prepareStatement(sql(end - start));
                    preparedRows = end - start;
                }
                int parameter = 1;
                for (Object[] row : rows.subList(start, end)) {
                    for (Object value : row) {
                        statement.setObject(parameter++, value);
                    }
                }
                changed += statement.executeUpdate();
                start = end;
            }
        } finally {
            if (statement != null) {
                statement.close();
            }
        }
        return changed;
    }

    /** A batch of single-row statements, which the driver sends with the bulk protocol; every row is inserted. */
    private int writeBulk(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(1))) {
            int batched = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
                if (++batched == BULK_ROWS) {
                    statement.executeBatch();
                    batched = 0;
                }
            }
            if (batched > 0) {
                statement.executeBatch();
            }
        }
        // The bulk protocol may count each row as SUCCESS_NO_INFO; an INSERT that did not fail inserted every row.
        return rows.size();
    }

    /**
     * Whether the driver sends a batch of INSERTs with MariaDB's bulk protocol: the server and the driver are new
     * enough and the URL does not turn it off. Read from the connection's metadata, which the driver holds without a
     * round trip.
     */
    static boolean bulkInserts(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String url = meta.getURL();
        if (!"MariaDB".equals(meta.getDatabaseProductName()) || url == null || !url.startsWith("jdbc:mariadb:")
                || url.contains("useBulkStmtsForInserts=false")) {
            return false;
        }
        boolean server = meta.getDatabaseMajorVersion() > 10
                || meta.getDatabaseMajorVersion() == 10 && meta.getDatabaseMinorVersion() >= 2;
        boolean driver = meta.getDriverMajorVersion() > 3
                || meta.getDriverMajorVersion() == 3 && meta.getDriverMinorVersion() >= 2;
        return server && driver;
    }

    /** Where the statement that starts at {@code start} ends: at the row limit, or before the byte limit. */
    private static int end(List<Object[]> rows, int start, int maxRows) {
        int end = start;
        long bytes = 0;
        while (end < rows.size() && end - start < maxRows) {
            bytes += estimatedBytes(rows.get(end));
            if (bytes > MAX_BYTES && end > start) {
                break; // a single row over the limit still goes, alone: the server says if it is too big
            }
            end++;
        }
        return end;
    }

    /**
     * An upper bound of the row's size in the statement: a character is at most 3 bytes of UTF-8 (an escaped quote
     * 2) between two quotes, a number at most 24 characters, a null {@code NULL}; each value and the row followed by
     * {@code ", "}.
     */
    static long estimatedBytes(Object[] row) {
        long bytes = 4; // "(", ")", ", "
        for (Object value : row) {
            bytes += 2 + (value == null ? 4 : value instanceof CharSequence text ? 3L * text.length() + 2 : 24);
        }
        return bytes;
    }

    /** The statement for {@code rows} rows. */
    String sql(int rows) {
        StringBuilder values = new StringBuilder("(?").append(", ?".repeat(width - 1)).append(')');
        String one = values.toString();
        StringBuilder sql = new StringBuilder(head.length() + rows * (one.length() + 2)).append(head);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(one);
        }
        return sql.toString();
    }

    private static String plainName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table or column name: " + name);
        }
        return name;
    }
}
