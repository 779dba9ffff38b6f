package org.dialplane.core.pbx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeSet;

import org.dialplane.core.db.Jdbc;

/**
 * The taken numbers as maximal runs of consecutive numbers ({@code dp_number_runs}: first, last), so that the first
 * free number from a given one is one indexed look-up: the run holding it ends just before the answer. Every method
 * runs under {@link Numbering#LOCK}. The runs may be wrong after writes behind Dialplane's back; {@link Numbering}
 * checks each answer against IssabelPBX's tables and rebuilds them when it is taken.
 */
final class NumberRuns {
    private static final String CONTAINING = "SELECT first, last FROM dp_number_runs WHERE first <= ?"
            + " ORDER BY first DESC LIMIT 1";

    private NumberRuns() {
    }

    /** The first number from {@code from} up that no run holds. */
    static long firstFree(Connection connection, long from) throws SQLException {
        long[] run = containing(connection, from);
        return run != null && run[1] >= from ? run[1] + 1 : from;
    }

    /** Marks a number taken, merging it with the runs that end just before and start just after it. */
    static void take(Connection connection, long number) throws SQLException {
        long[] before = containing(connection, number);
        if (before != null && before[1] >= number) {
            return;
        }
        Long after = null;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT last FROM dp_number_runs WHERE first = ?")) {
            statement.setLong(1, number + 1);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    after = result.getLong(1);
                }
            }
        }
        long last = after != null ? after : number;
        if (after != null) {
            Jdbc.update(connection, "DELETE FROM dp_number_runs WHERE first = ?", number + 1);
        }
        if (before != null && before[1] == number - 1) {
            Jdbc.update(connection, "UPDATE dp_number_runs SET last = ? WHERE first = ?", last, before[0]);
        } else {
            Jdbc.update(connection, "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)", number, last);
        }
    }

    /** Marks a number free, splitting the run that holds it. */
    static void free(Connection connection, long number) throws SQLException {
        long[] run = containing(connection, number);
        if (run == null || run[1] < number) {
            return;
        }
        Jdbc.update(connection, "DELETE FROM dp_number_runs WHERE first = ?", run[0]);
        if (run[0] < number) {
            Jdbc.update(connection, "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)", run[0], number - 1);
        }
        if (number < run[1]) {
            Jdbc.update(connection, "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)", number + 1, run[1]);
        }
    }

    /** Replaces the runs with those of these numbers. */
    static void rebuild(Connection connection, TreeSet<Long> taken) throws SQLException {
        Jdbc.update(connection, "DELETE FROM dp_number_runs");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dp_number_runs (first, last) VALUES (?, ?)")) {
            Long first = null;
            long last = 0;
            for (long number : taken) {
                if (first != null && number == last + 1) {
                    last = number;
                    continue;
                }
                if (first != null) {
                    insert.setLong(1, first);
                    insert.setLong(2, last);
                    insert.addBatch();
                }
                first = number;
                last = number;
            }
            if (first != null) {
                insert.setLong(1, first);
                insert.setLong(2, last);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long[] containing(Connection connection, long number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CONTAINING)) {
            statement.setLong(1, number);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? new long[] {result.getLong(1), result.getLong(2)} : null;
            }
        }
    }
}
