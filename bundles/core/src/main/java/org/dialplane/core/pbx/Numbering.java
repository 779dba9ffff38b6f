package org.dialplane.core.pbx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * The numbering plan shared by every kind of destination (extensions, ring groups, queues): a number is taken
 * when any of them uses it, as IssabelPBX's {@code alldestinations} view says. New numbers follow Issabel's
 * rule, the first free number above the lowest existing one of the same kind, and stay inside the tenant's
 * range when it has one. Callers hold {@link #LOCK} for the whole create
 * ({@code db.lockedTransaction(Numbering.LOCK, ...)}), so two concurrent creates never get
 * the same number.
 */
public final class Numbering {
    /** The lock ({@code Jdbc.lockedTransaction}) that serialises number allocation across instances. */
    public static final String LOCK = "dialplane.numbering";

    private static final String TAKEN = "SELECT extension FROM users UNION SELECT grpnum FROM ringgroups"
            + " UNION SELECT extension FROM queues_config";

    private Numbering() {
    }

    /** Whether any destination (extension, ring group, queue) uses this number. */
    public static boolean isTaken(Connection connection, String number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM (" + TAKEN + ") d WHERE d.extension = ? LIMIT 1")) {
            statement.setString(1, number);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Every number some destination uses: a bulk import checks all its rows against one read. Since 2.2. */
    public static Set<String> taken(Connection connection) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(TAKEN);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                taken.add(result.getString(1));
            }
        }
        return taken;
    }

    /**
     * Checks that a new object may take this number: inside the caller's range and not used by any destination.
     * Call it under the numbering lock, right before the insert.
     *
     * @param field the request field that carries the number, named in the 422
     * @throws ApiException 422 when the number is outside the range, 409 when it is taken
     */
    public static void requireAvailable(Connection connection, String number, Range range, String field)
            throws SQLException {
        long value = Long.parseLong(number);
        if (value < range.start() || value > range.end()) {
            throw ApiException.invalid(List.of(new Problem.FieldError(field,
                    "outside your tenant's range " + range.start() + "-" + range.end())));
        }
        if (isTaken(connection, number)) {
            throw ApiException.conflict("Number " + number + " is in use");
        }
    }

    /** The numbers a tenant may use, inclusive. */
    public record Range(long start, long end) {
        public static final Range ANY = new Range(1, 99_999_999_999L);

        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad number range " + start + ".." + end);
            }
        }
    }

    /**
     * The next free number for a new object of one kind: the first number not taken by any destination,
     * counting up from the lowest number of this kind inside the range, or from {@code firstOfKind} when the
     * range holds none yet.
     *
     * @param ownNumbersSql a query returning the numbers of this kind (e.g. {@code SELECT extension FROM users})
     * @param firstOfKind   where numbering starts for this kind on an empty system (moved into the range)
     * @param range         the tenant's range, or {@link Range#ANY}
     */
    public static String nextFree(Connection connection, String ownNumbersSql, long firstOfKind, Range range)
            throws SQLException {
        TreeSet<Long> own = numbers(connection, ownNumbersSql, range);
        TreeSet<Long> taken = numbers(connection, TAKEN, range);
        long candidate = own.isEmpty() ? Math.min(Math.max(firstOfKind, range.start()), range.end()) : own.first();
        for (; candidate <= range.end(); candidate++) {
            if (!taken.contains(candidate)) {
                return Long.toString(candidate);
            }
        }
        throw ApiException.conflict("No free number left between " + range.start() + " and " + range.end());
    }

    /**
     * The next free number for a new object of one kind, as {@link #nextFree(Connection, String, long, Range)}
     * answers it, without reading every number: the lowest number of the kind comes from its {@link NumberIndex},
     * the first free one from there from the runs of taken numbers ({@code dp_number_runs}) that the index keeps
     * (a few indexed look-ups, however many numbers there are). Each answer is checked against IssabelPBX's tables
     * ({@link #isTaken}); when it is taken (written behind Dialplane's back), the runs are rebuilt from the tables
     * and the look-up runs again, so a taken number is never handed out. Call it under {@link #LOCK}. Since 2.1.
     */
    public static String nextFree(Connection connection, NumberIndex own, long firstOfKind, Range range)
            throws SQLException {
        Long lowest = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(number) FROM dp_numbers"
                + " WHERE kind = ? AND number BETWEEN ? AND ?")) {
            statement.setString(1, own.kind());
            statement.setLong(2, range.start());
            statement.setLong(3, range.end());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getObject(1) != null) {
                    lowest = result.getLong(1);
                }
            }
        }
        long from = lowest != null ? lowest : Math.min(Math.max(firstOfKind, range.start()), range.end());
        for (int attempt = 0; attempt < 2; attempt++) {
            long candidate = NumberRuns.firstFree(connection, from);
            if (candidate > range.end()) {
                break;
            }
            if (!isTaken(connection, Long.toString(candidate))) {
                return Long.toString(candidate);
            }
            rebuildRuns(connection);
        }
        throw ApiException.conflict("No free number left between " + range.start() + " and " + range.end());
    }

    /**
     * Rebuilds the runs of taken numbers from IssabelPBX's tables (every destination's number). Under {@link #LOCK}.
     */
    static void rebuildRuns(Connection connection) throws SQLException {
        NumberRuns.rebuild(connection, numbers(connection, TAKEN, Range.ANY));
    }

    private static TreeSet<Long> numbers(Connection connection, String sql, Range range)
            throws SQLException {
        TreeSet<Long> numbers = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String value = result.getString(1);
                if (value != null && value.matches("[0-9]{1,18}")) {
                    long number = Long.parseLong(value);
                    if (number >= range.start() && number <= range.end()) {
                        numbers.add(number);
                    }
                }
            }
        }
        return numbers;
    }
}
