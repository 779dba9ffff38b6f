package org.dialplane.core.internal.tenants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.dialplane.core.auth.Tenant;

/** The rows of {@code dp_tenants}, and what refers to a tenant. */
public final class TenantStore {
    private static final String COLUMNS = "SELECT id, code, name, enabled, range_start, range_end FROM dp_tenants";

    private final DataSource db;

    public TenantStore(DataSource db) {
        this.db = db;
    }

    public List<Tenant> list() throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(COLUMNS + " ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            List<Tenant> tenants = new ArrayList<>();
            while (rows.next()) {
                tenants.add(read(rows));
            }
            return tenants;
        }
    }

    public Optional<Tenant> byId(long id) throws SQLException {
        return one(COLUMNS + " WHERE id = ?", id);
    }

    public Optional<Tenant> byCode(String code) throws SQLException {
        return one(COLUMNS + " WHERE code = ?", code);
    }

    /** Inserts a tenant and answers its id. */
    long insert(Tenant tenant) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO dp_tenants"
                        + " (code, name, enabled, range_start, range_end) VALUES (?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, tenant.code());
            bindDetails(insert, 2, tenant);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No id generated for tenant " + tenant.code());
                }
                return keys.getLong(1);
            }
        }
    }

    void update(Tenant tenant) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE dp_tenants"
                        + " SET name = ?, enabled = ?, range_start = ?, range_end = ? WHERE id = ?")) {
            bindDetails(update, 1, tenant);
            update.setLong(5, tenant.id());
            update.executeUpdate();
        }
    }

    void delete(long id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM dp_tenants WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    /** Another tenant whose extension range overlaps the given one, if any. */
    Optional<Tenant> overlapping(long start, long end, long exceptId) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(COLUMNS + " WHERE id <> ?"
                        + " AND range_start IS NOT NULL AND range_start <= ? AND range_end >= ? LIMIT 1")) {
            select.setLong(1, exceptId);
            select.setLong(2, end);
            select.setLong(3, start);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** How many objects, API keys and users the tenant has: a tenant is deleted only when it has none. */
    long usage(long id) throws SQLException {
        String sql = "SELECT (SELECT COUNT(*) FROM dp_tenant_objects WHERE tenant_id = ?)"
                + " + (SELECT COUNT(*) FROM dp_api_keys WHERE tenant_id = ?)"
                + " + (SELECT COUNT(*) FROM dp_users WHERE tenant_id = ?)";
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 1; i <= 3; i++) {
                select.setLong(i, id);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Optional<Tenant> one(String sql, Object key) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static void bindDetails(PreparedStatement statement, int first, Tenant tenant) throws SQLException {
        statement.setString(first, tenant.name());
        statement.setBoolean(first + 1, tenant.enabled());
        setNullableLong(statement, first + 2, tenant.rangeStart());
        setNullableLong(statement, first + 3, tenant.rangeEnd());
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Tenant read(ResultSet row) throws SQLException {
        return new Tenant(row.getLong("id"), row.getString("code"), row.getString("name"), row.getBoolean("enabled"),
                row.getObject("range_start", Long.class), row.getObject("range_end", Long.class));
    }
}
