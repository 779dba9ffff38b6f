package org.dialplane.core.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.DatabaseException;

/**
 * The records behind {@code Idempotency-Key} in {@code dp_idempotency}: one per caller and key, kept 24 h. Claiming a
 * key tells what to do with the request: run it, replay the first answer, or refuse it. Which keys this process is
 * running now is kept in memory (a second request with the same key meanwhile is a 409), as are the answers that
 * could not be stored because the database went away after the write (written when it is back).
 */
final class IdempotencyRecords {
    /** How long a key is remembered. */
    static final int KEEP_HOURS = 24;
    /** A request still "running" after this long has lost its answer without reaching the response filter. */
    private static final long STALE_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int MAX_UNSTORED = 10_000;

    /** A first answer, as it is replayed. */
    record Answer(int status, String location, String contentType, byte[] body) {
    }

    /** What a claim decided. */
    sealed interface Outcome {
    }

    /** The key is new (or its earlier request did not apply): run the request, marking its commit with record id. */
    record Run(Claim claim) implements Outcome {
    }

    record Replay(Answer answer) implements Outcome {
    }

    /** The key was used with another request (method, path or body). */
    record Mismatch() implements Outcome {
    }

    /** A request with the key is running now. */
    record Running() implements Outcome {
    }

    /** The earlier request's write was committed but its answer was lost (the database went away before it). */
    record AppliedWithoutAnswer() implements Outcome {
    }

    /** The right to run a request for a key; {@link #finish} or {@link #abandon} ends it. */
    record Claim(long recordId, String memoryKey, String fingerprint) {
    }

    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private final Map<Long, Answer> unstored = new ConcurrentHashMap<>();
    private final Map<String, Long> unstoredIds = new ConcurrentHashMap<>();

    /**
     * @param who the caller's name with how it authenticated ({@code Bearer:admin}, {@code ApiKey:crm}): a key
     *        named like a user does not share the user's records
     */
    Outcome claim(DataSource pbx, Caller caller, String who, String key, String fingerprint) {
        String memoryKey = caller.tenantId() + "\u0000" + who + "\u0000" + key;
        long now = System.nanoTime();
        Long since = running.putIfAbsent(memoryKey, now);
        if (since != null && now - since < STALE_NANOS) {
            return new Running();
        }
        running.put(memoryKey, now);
        boolean run = false;
        try (Connection connection = pbx.getConnection()) {
            storeUnstored(connection);
            Outcome outcome = claim(connection, caller.tenantId(), who, key, fingerprint, memoryKey);
            run = outcome instanceof Run;
            return outcome;
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        } finally {
            if (!run) {
                running.remove(memoryKey);
            }
        }
    }

    private Outcome claim(Connection connection, long tenantId, String who, String key, String fingerprint,
            String memoryKey) throws SQLException {
        Long unstoredId = unstoredIds.get(memoryKey);
        try (PreparedStatement expire = connection.prepareStatement("DELETE FROM dp_idempotency WHERE tenant_id = ?"
                + " AND caller = ? AND idem_key = ? AND created_at < NOW() - INTERVAL " + KEEP_HOURS + " HOUR")) {
            bind(expire, tenantId, who, key);
            expire.executeUpdate();
        }
        try (PreparedStatement find = connection.prepareStatement("SELECT id, fingerprint, applied, status, location,"
                + " content_type, body FROM dp_idempotency WHERE tenant_id = ? AND caller = ? AND idem_key = ?")) {
            bind(find, tenantId, who, key);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    long id = row.getLong("id");
                    Answer kept = unstoredId != null && unstoredId == id ? unstored.get(id) : null;
                    if (!fingerprint.equals(row.getString("fingerprint"))) {
                        return new Mismatch();
                    }
                    if (row.getObject("status") != null) {
                        return new Replay(new Answer(row.getInt("status"), row.getString("location"),
                                row.getString("content_type"), row.getBytes("body")));
                    }
                    if (kept != null) {
                        return new Replay(kept);
                    }
                    if (row.getInt("applied") == 1) {
                        return new AppliedWithoutAnswer();
                    }
                    return new Run(new Claim(id, memoryKey, fingerprint)); // the earlier attempt wrote nothing
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dp_idempotency (tenant_id, caller,"
                + " idem_key, fingerprint) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, tenantId, who, key);
            insert.setString(4, fingerprint);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Run(new Claim(keys.getLong(1), memoryKey, fingerprint));
            }
        } catch (SQLIntegrityConstraintViolationException another) {
            return new Running(); // another instance on the same database claimed it a moment ago
        }
    }

    /** Stores the answer of a claimed request; kept in memory when the database is away, stored later. */
    void finish(DataSource pbx, Claim claim, Answer answer) {
        try {
            try (Connection connection = pbx.getConnection()) {
                store(connection, claim.recordId(), answer);
            } catch (SQLException e) {
                if (unstored.size() < MAX_UNSTORED) {
                    unstored.put(claim.recordId(), answer);
                    unstoredIds.put(claim.memoryKey(), claim.recordId());
                }
            }
        } finally {
            running.remove(claim.memoryKey());
        }
    }

    /**
     * Ends a claim whose request failed (a 5xx): its record is removed unless the write was committed, so that a
     * retry runs again. When the database is away the record stays; the retry reads whether it applied.
     */
    void abandon(DataSource pbx, Claim claim) {
        try (Connection connection = pbx.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM dp_idempotency WHERE id = ? AND applied = 0 AND status IS NULL")) {
            delete.setLong(1, claim.recordId());
            delete.executeUpdate();
        } catch (SQLException | RuntimeException awayStill) {
            // the retry finds the record and its applied flag
        } finally {
            running.remove(claim.memoryKey());
        }
    }

    /** Removes what is older than {@link #KEEP_HOURS}, at most a batch at a time. */
    static void purge(DataSource pbx) throws SQLException {
        try (Connection connection = pbx.getConnection();
                PreparedStatement purge = connection.prepareStatement("DELETE FROM dp_idempotency"
                        + " WHERE created_at < NOW() - INTERVAL " + KEEP_HOURS + " HOUR LIMIT 1000")) {
            purge.executeUpdate();
        }
    }

    private void storeUnstored(Connection connection) throws SQLException {
        for (Map.Entry<Long, Answer> entry : unstored.entrySet()) {
            store(connection, entry.getKey(), entry.getValue());
            unstored.remove(entry.getKey());
        }
        unstoredIds.values().removeIf(id -> !unstored.containsKey(id));
    }

    private static void store(Connection connection, long recordId, Answer answer) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE dp_idempotency SET status = ?,"
                + " location = ?, content_type = ?, body = ? WHERE id = ?")) {
            update.setInt(1, answer.status());
            update.setString(2, answer.location());
            update.setString(3, answer.contentType());
            update.setBytes(4, answer.body());
            update.setLong(5, recordId);
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, long tenantId, String who, String key)
            throws SQLException {
        statement.setLong(1, tenantId);
        statement.setString(2, who);
        statement.setString(3, key);
    }
}
