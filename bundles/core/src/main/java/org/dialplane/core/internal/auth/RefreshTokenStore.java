package org.dialplane.core.internal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The refresh tokens issued, in {@code dp_refresh_tokens}: each may be used once; using one twice, or logging
 * out, revokes its whole session.
 */
final class RefreshTokenStore {
    enum Use {
        /** The token was unused and is now used. */
        CONSUMED,
        /** The token was used or revoked before: someone replays it. */
        REPLAYED,
        /** No such token was ever issued here. */
        UNKNOWN
    }

    private final DataSource db;

    RefreshTokenStore(DataSource db) {
        this.db = db;
    }

    void add(TokenClaims refresh) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO dp_refresh_tokens"
                        + " (id, session_id, user_name, issued, expires) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, refresh.id());
            insert.setString(2, refresh.session());
            insert.setString(3, refresh.caller().name());
            insert.setObject(4, UtcTimes.toColumn(refresh.issuedAt()));
            insert.setObject(5, UtcTimes.toColumn(refresh.expiresAt()));
            insert.executeUpdate();
        }
    }

    /** Marks the token used; a single UPDATE, so two concurrent renewals cannot both succeed. */
    Use consume(String id, Instant now) throws SQLException {
        try (Connection connection = db.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE dp_refresh_tokens SET used = ?"
                    + " WHERE id = ? AND used IS NULL AND revoked IS NULL")) {
                update.setObject(1, UtcTimes.toColumn(now));
                update.setString(2, id);
                if (update.executeUpdate() == 1) {
                    return Use.CONSUMED;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM dp_refresh_tokens WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Use.REPLAYED : Use.UNKNOWN;
                }
            }
        }
    }

    void revokeSession(String session, Instant now) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE dp_refresh_tokens SET revoked = ? WHERE session_id = ? AND revoked IS NULL")) {
            update.setObject(1, UtcTimes.toColumn(now));
            update.setString(2, session);
            update.executeUpdate();
        }
    }

    /** Sessions revoked since the given time: their access tokens may still be in use. */
    Set<String> sessionsRevokedSince(Instant since) throws SQLException {
        Set<String> sessions = new HashSet<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT DISTINCT session_id FROM dp_refresh_tokens WHERE revoked >= ?")) {
            select.setObject(1, UtcTimes.toColumn(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sessions.add(rows.getString(1));
                }
            }
        }
        return sessions;
    }

    /** Forgets tokens that expired before the given time. */
    void purgeExpiredBefore(Instant before) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM dp_refresh_tokens WHERE expires < ?")) {
            delete.setObject(1, UtcTimes.toColumn(before));
            delete.executeUpdate();
        }
    }
}
