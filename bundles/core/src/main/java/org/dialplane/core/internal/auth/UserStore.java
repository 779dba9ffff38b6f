package org.dialplane.core.internal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.dialplane.core.auth.Caller;

/** The users who log in with a password, in {@code dp_users}. A user without a tenant is global. */
final class UserStore {
    /** A user as stored, with the caller it becomes once logged in. */
    record User(String passwordHash, boolean enabled, Caller caller) {
    }

    static final String DEFAULT_TENANT = "default";

    private final DataSource db;

    UserStore(DataSource db) {
        this.db = db;
    }

    Optional<User> find(String name) throws SQLException {
        // A global user acts in the default tenant when it creates objects.
        String sql = "SELECT u.name, u.password_hash, u.enabled, u.read_only, u.tenant_id, t.id AS tid, t.code"
                + " FROM dp_users u JOIN dp_tenants t"
                + " ON t.id = COALESCE(u.tenant_id, (SELECT d.id FROM dp_tenants d WHERE d.code = ?))"
                + " WHERE u.name = ?";
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, DEFAULT_TENANT);
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                boolean global = row.getObject("tenant_id") == null;
                Caller caller = new Caller(row.getString("name"), row.getLong("tid"), row.getString("code"), global,
                        row.getBoolean("read_only"));
                return Optional.of(new User(row.getString("password_hash"), row.getBoolean("enabled"), caller));
            }
        }
    }

    boolean exists(String name) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM dp_users WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Creates the global read-write user, or sets its password if it exists. */
    void putGlobalUser(String name, String passwordHash) throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = db.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO dp_users"
                        + " (name, password_hash, enabled, read_only, tenant_id, created, updated)"
                        + " VALUES (?, ?, TRUE, FALSE, NULL, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), updated = VALUES(updated)")) {
            upsert.setString(1, name);
            upsert.setString(2, passwordHash);
            upsert.setObject(3, UtcTimes.toColumn(now));
            upsert.setObject(4, UtcTimes.toColumn(now));
            upsert.executeUpdate();
        }
    }
}
