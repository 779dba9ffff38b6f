package org.dialplane.core.internal.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * Secrets generated once per installation and kept in {@code dp_secrets}, such as the token signing key. Never
 * a constant in the code: every installation signs with its own.
 */
final class SecretStore {
    private final DataSource db;

    SecretStore(DataSource db) {
        this.db = db;
    }

    /** The named secret, created with {@code bytes} random bytes if it does not exist yet. */
    byte[] getOrCreate(String name, int bytes) throws SQLException {
        byte[] fresh = new byte[bytes];
        new SecureRandom().nextBytes(fresh);
        try (Connection connection = db.getConnection()) {
            // INSERT IGNORE: if two nodes start at once, the first secret written wins and both read it back.
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT IGNORE INTO dp_secrets (name, secret, created) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setBytes(2, fresh);
                insert.setObject(3, UtcTimes.toColumn(Instant.now()));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT secret FROM dp_secrets WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("Secret " + name + " was not stored");
                    }
                    return row.getBytes(1);
                }
            }
        }
    }
}
