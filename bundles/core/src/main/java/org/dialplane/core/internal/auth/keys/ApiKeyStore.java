package org.dialplane.core.internal.auth.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.dialplane.core.internal.auth.UtcTimes;

/** The rows of {@code dp_api_keys}. Only a hash of each key's secret is stored. */
final class ApiKeyStore {
    /** A key's row with what authenticating it needs: its secret's hash and its tenant's state. */
    record Credential(ApiKey key, String secretHash, boolean tenantEnabled, long actingTenantId,
            String actingTenantCode) {
    }

    private static final String SELECT = "SELECT k.id, k.name, k.tenant_id, t.code AS tenant_code, k.read_only,"
            + " k.created, k.last_used FROM dp_api_keys k LEFT JOIN dp_tenants t ON t.id = k.tenant_id";

    private final DataSource db;

    ApiKeyStore(DataSource db) {
        this.db = db;
    }

    /** The key with its secret's hash; a global key acts in the default tenant. */
    Optional<Credential> credential(String id, String defaultTenant) throws SQLException {
        String sql = "SELECT k.id, k.name, k.tenant_id, t.code AS tenant_code, k.read_only, k.created,"
                + " k.last_used, k.secret_hash, t.enabled, a.id AS acting_id, a.code AS acting_code"
                + " FROM dp_api_keys k LEFT JOIN dp_tenants t ON t.id = k.tenant_id"
                + " JOIN dp_tenants a ON a.id = COALESCE(k.tenant_id, (SELECT d.id FROM dp_tenants d WHERE d.code = ?))"
                + " WHERE k.id = ?";
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, defaultTenant);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ApiKey key = read(row);
                return Optional.of(new Credential(key, row.getString("secret_hash"),
                        key.global() || row.getBoolean("enabled"), row.getLong("acting_id"),
                        row.getString("acting_code")));
            }
        }
    }

    Optional<ApiKey> find(String id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT + " WHERE k.id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Every key, or only those of one tenant. */
    List<ApiKey> list(Long tenantId) throws SQLException {
        String sql = SELECT + (tenantId == null ? "" : " WHERE k.tenant_id = ?") + " ORDER BY k.created, k.id";
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (tenantId != null) {
                select.setLong(1, tenantId);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(read(rows));
                }
                return keys;
            }
        }
    }

    void insert(ApiKey key, String secretHash) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO dp_api_keys"
                        + " (id, name, tenant_id, read_only, secret_hash, created) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.id());
            insert.setString(2, key.name());
            if (key.tenantId() == null) {
                insert.setNull(3, Types.BIGINT);
            } else {
                insert.setLong(3, key.tenantId());
            }
            insert.setBoolean(4, key.readOnly());
            insert.setString(5, secretHash);
            insert.setObject(6, UtcTimes.toColumn(key.created()));
            insert.executeUpdate();
        }
    }

    void delete(String id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM dp_api_keys WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    void touch(String id, Instant when) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE dp_api_keys SET last_used = ? WHERE id = ?")) {
            update.setObject(1, UtcTimes.toColumn(when));
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    private static ApiKey read(ResultSet row) throws SQLException {
        return new ApiKey(row.getString("id"), row.getString("name"), row.getObject("tenant_id", Long.class),
                row.getString("tenant_code"), row.getBoolean("read_only"), UtcTimes.fromColumn(row, "created"),
                UtcTimes.fromColumn(row, "last_used"));
    }
}
