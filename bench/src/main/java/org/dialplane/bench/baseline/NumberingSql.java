package org.dialplane.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeSet;

/**
 * The next free number of a create, copied from core's {@code pbx/Numbering.nextFree(connection, index, ...)} and
 * {@code pbx/NumberRuns} (see {@link ExtensionSql}: copied, not called; when those change, change this).
 */
final class NumberingSql {
    /** Numbering.nextFree(connection, index, ...) and NumberRuns. */
    private static final String LOWEST = "SELECT MIN(number) FROM dp_numbers WHERE kind = ? AND number BETWEEN ? AND ?";
    private static final String RUN_CONTAINING = "SELECT first, last FROM dp_number_runs WHERE first <= ?"
            + " ORDER BY first DESC LIMIT 1";
    private static final String RUN_STARTING = "SELECT last FROM dp_number_runs WHERE first = ?";

    private NumberingSql() {
    }

    /**
     * Numbering.nextFree(connection, index, ...) over Range.ANY: the lowest extension from dp_numbers, the first
     * free number from there from dp_number_runs (NumberRuns.firstFree), checked with isTaken; when taken, the
     * runs are rebuilt from the tables (NumberRuns.rebuild) and the look-up runs again.
     */
    static String nextFree(Connection connection) throws SQLException, ExtensionSql.Refused {
        Long lowest = null;
        try (PreparedStatement statement = connection.prepareStatement(LOWEST)) {
            statement.setString(1, "extension");
            statement.setLong(2, ExtensionSql.RANGE_START);
            statement.setLong(3, ExtensionSql.RANGE_END);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getObject(1) != null) {
                    lowest = result.getLong(1);
                }
            }
        }
        long from = lowest != null ? lowest : Math.min(Math.max(ExtensionSql.FIRST_EXTENSION, ExtensionSql.RANGE_START), ExtensionSql.RANGE_END);
        for (int attempt = 0; attempt < 2; attempt++) {
            long[] run = containing(connection, from);
            long candidate = run != null && run[1] >= from ? run[1] + 1 : from;
            if (!ExtensionSql.isTaken(connection, Long.toString(candidate))) {
                return Long.toString(candidate);
            }
            rebuildRuns(connection, ExtensionSql.numbers(connection, ExtensionSql.TAKEN));
        }
        throw new ExtensionSql.Refused(409, "No free number left");
    }

    /** NumberRuns.take after the insert (NumberIndex.add). */
    static void takeRun(Connection connection, long number) throws SQLException {
        long[] before = containing(connection, number);
        if (before != null && before[1] >= number) {
            return;
        }
        Long after = null;
        try (PreparedStatement statement = connection.prepareStatement(RUN_STARTING)) {
            statement.setLong(1, number + 1);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    after = result.getLong(1);
                }
            }
        }
        long last = after != null ? after : number;
        if (after != null) {
            ExtensionSql.update(connection, "DELETE FROM dp_number_runs WHERE first = ?", number + 1);
        }
        if (before != null && before[1] == number - 1) {
            ExtensionSql.update(connection, "UPDATE dp_number_runs SET last = ? WHERE first = ?", last, before[0]);
        } else {
            ExtensionSql.update(connection, "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)", number, last);
        }
    }

    private static long[] containing(Connection connection, long number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RUN_CONTAINING)) {
            statement.setLong(1, number);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? new long[] {result.getLong(1), result.getLong(2)} : null;
            }
        }
    }

    private static void rebuildRuns(Connection connection, TreeSet<Long> taken) throws SQLException {
        ExtensionSql.update(connection, "DELETE FROM dp_number_runs");
        Long first = null;
        long last = 0;
        for (long number : taken) {
            if (first != null && number == last + 1) {
                last = number;
                continue;
            }
            if (first != null) {
                ExtensionSql.update(connection, "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)", first, last);
            }
            first = number;
            last = number;
        }
        if (first != null) {
            ExtensionSql.update(connection, "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)", first, last);
        }
    }
}
