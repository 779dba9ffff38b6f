package org.dialplane.core.pbx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;

/**
 * A numeric copy of the numbers of one kind of object (extensions, ring groups) in Dialplane's own table
 * {@code dp_numbers} (kind, object_id, number), indexed by (kind, number, object_id), so that a list in numeric
 * order reads an index instead of sorting every row by {@code CAST(... AS UNSIGNED)}: IssabelPBX's tables stay
 * as they are. Since 2.1.
 *
 * <p>Kept right two ways. The repository that writes the objects calls {@link #add} and {@link #remove} in the same
 * transaction. Rows another tool writes behind Dialplane's back (IssabelPBX's own GUI inserts into {@code users}
 * directly) are caught by {@link #stale}: at most once per {@link #CHECK_INTERVAL_SECONDS}, a list compares the
 * count and a checksum (the sum of CRC32s) of the object ids in the IssabelPBX tables with those in the index, and
 * when they differ, {@link #rebuild} (under {@link Numbering#LOCK}) deletes the index rows whose object is gone and
 * adds the missing ones. Until then such a row is missing from lists in key order (a deleted one is simply not
 * joined, so never shown). A repository that finds an index row without its object rebuilds at once.
 */
public final class NumberIndex {
    /** How often, at most, a list compares the index with the IssabelPBX tables. */
    public static final long CHECK_INTERVAL_SECONDS = 2;

    private final String kind;
    private final String from;
    private final String idColumn;
    private final AtomicLong nextCheck = new AtomicLong(System.nanoTime());

    /**
     * @param kind     the kind recorded in {@code dp_numbers} (e.g. {@code extension})
     * @param from     the resource's own tables, as after FROM (e.g. {@code users u JOIN devices d ON d.id =
     *                 u.extension}): an object is listed when it has a row here. Code, never input.
     * @param idColumn the object's number in those tables (e.g. {@code u.extension})
     */
    public NumberIndex(String kind, String from, String idColumn) {
        this.kind = kind;
        this.from = from;
        this.idColumn = idColumn;
    }

    public String kind() {
        return kind;
    }

    /**
     * Records a new object's number, here and in the runs of taken numbers ({@link Numbering#nextFree(Connection,
     * NumberIndex, long, Numbering.Range)}); call it in the transaction that inserts the object, under
     * {@link Numbering#LOCK}.
     */
    public void add(Connection connection, String id) throws SQLException {
        Jdbc.update(connection, "REPLACE INTO dp_numbers (kind, object_id, number) VALUES (?, ?, ?)", kind, id,
                numeric(id));
        if (digits(id)) {
            NumberRuns.take(connection, numeric(id));
        }
    }

    /**
     * Records many new objects' numbers at once (a bulk import): multi-row statements into the index, then the runs
     * of taken numbers rebuilt once from the tables, instead of a few statements per number. Same rules as
     * {@link #add}.
     * Since 2.2.
     */
    public void addAll(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            rows.add(new Object[] {kind, id, numeric(id)});
        }
        Jdbc.replaceRows(connection, "dp_numbers", List.of("kind", "object_id", "number"), rows);
        Numbering.rebuildRuns(connection);
    }

    /** Forgets deleted objects' numbers; call it in the transaction that deletes them, under {@link Numbering#LOCK}. */
    public void remove(Connection connection, Collection<String> ids) throws SQLException {
        if (!ids.isEmpty()) {
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_numbers WHERE kind = ? AND ", kind)
                    .append(SqlFragment.in("object_id", ids)));
        }
        for (String id : ids) {
            if (digits(id)) {
                NumberRuns.free(connection, numeric(id));
            }
        }
    }

    /**
     * Whether the IssabelPBX tables were written behind Dialplane's back since the index was last right, checking
     * at most once per {@link #CHECK_INTERVAL_SECONDS} (the first call checks; between checks it answers false):
     * then the caller {@link #rebuild}s it.
     */
    public boolean stale(Connection connection) throws SQLException {
        long now = System.nanoTime();
        long due = nextCheck.get();
        if (now - due < 0 || !nextCheck.compareAndSet(due, now + TimeUnit.SECONDS.toNanos(CHECK_INTERVAL_SECONDS))) {
            return false;
        }
        String tables = "SELECT COUNT(*), COALESCE(SUM(CRC32(" + idColumn + ")), 0) FROM " + from;
        String index = "SELECT COUNT(*), COALESCE(SUM(CRC32(object_id)), 0) FROM dp_numbers WHERE kind = ?";
        return !signature(connection, SqlFragment.of(tables)).equals(signature(connection, SqlFragment.of(index, kind)));
    }

    /**
     * Makes the index hold exactly the objects of the tables: deletes what is gone, adds what is missing. Call it
     * holding {@link Numbering#LOCK}, so that no create or delete of this kind runs meanwhile.
     */
    public void rebuild(Connection connection) throws SQLException {
        Jdbc.update(connection, "DELETE FROM dp_numbers WHERE kind = ? AND NOT EXISTS (SELECT 1 FROM " + from
                + " WHERE " + idColumn + " = dp_numbers.object_id)", kind);
        // IGNORE: the primary key skips the rows already there (and CAST's warning on a non-numeric id gives 0).
        Jdbc.update(connection, "INSERT IGNORE INTO dp_numbers (kind, object_id, number) SELECT ?, " + idColumn
                + ", CAST(" + idColumn + " AS UNSIGNED) FROM " + from, kind);
        Numbering.rebuildRuns(connection); // numbers freed behind Dialplane's back are offered again
        nextCheck.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(CHECK_INTERVAL_SECONDS));
    }

    /** Makes the next {@link #stale} check, whatever the interval (after a write another tool may have raced). */
    public void checkSoon() {
        nextCheck.set(System.nanoTime());
    }

    /** The number as {@code CAST(id AS UNSIGNED)} gives it for a number (ids are validated digits). */
    static long numeric(String id) {
        long value = 0;
        for (int i = 0; i < id.length() && Character.isDigit(id.charAt(i)); i++) {
            value = value * 10 + (id.charAt(i) - '0');
            if (value > 999_999_999_999_999_999L) {
                break;
            }
        }
        return value;
    }

    private static boolean digits(String id) {
        return !id.isEmpty() && id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String signature(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1) + "/" + result.getString(2);
        }
    }
}
