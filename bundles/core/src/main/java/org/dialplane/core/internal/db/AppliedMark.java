package org.dialplane.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The idempotency record of the request this thread is answering, marked applied inside the request's own
 * transaction: the {@code UPDATE} runs on the same connection just before its {@code COMMIT}, so the mark and the
 * write are committed together or not at all. A retry can then tell a write that happened (its answer lost with the
 * connection) from one that did not. Set by the idempotency filter on the request thread, where Jersey runs the
 * resource; cleared when the response is written.
 */
public final class AppliedMark {
    private static final ThreadLocal<AppliedMark> CURRENT = new ThreadLocal<>();

    private final long recordId;
    private volatile boolean applied;

    private AppliedMark(long recordId) {
        this.recordId = recordId;
    }

    /** Starts marking commits on this thread for the record; replaces any mark left behind. */
    public static AppliedMark begin(long recordId) {
        AppliedMark mark = new AppliedMark(recordId);
        CURRENT.set(mark);
        return mark;
    }

    /** Stops marking commits on this thread. */
    public static void end() {
        CURRENT.remove();
    }

    /** Whether a transaction of the request committed with the mark. */
    public boolean applied() {
        return applied;
    }

    public long recordId() {
        return recordId;
    }

    /** Called before a commit on a PBX connection: adds the mark to the transaction; null when there is none. */
    static AppliedMark beforeCommit(Connection connection) throws SQLException {
        AppliedMark mark = CURRENT.get();
        if (mark == null || mark.applied) {
            return null;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE dp_idempotency SET applied = 1 WHERE id = ?")) {
            update.setLong(1, mark.recordId);
            update.executeUpdate();
        }
        return mark;
    }

    void committed() {
        applied = true;
    }
}
