package org.dialplane.core.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.dialplane.core.audit.AuditEntry;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.internal.auth.UtcTimes;
import org.dialplane.core.rest.Query;

/** The SQL of {@code dp_audit}: batch inserts, the purge, and filtered pages. */
final class AuditStore {
    /** Rows a purge statement deletes at most, so that it never holds long locks. */
    private static final int PURGE_CHUNK = 5000;

    private final DataSource dataSource;

    AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(List<AuditEntry> entries) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO dp_audit (at, actor_kind, actor, "
                        + "actor_name, tenant_id, tenant_code, global_caller, address, method, path, object_ids, "
                        + "fields, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                insert.setObject(1, UtcTimes.toColumn(e.at() == null ? Instant.now() : e.at()));
                insert.setString(2, cut(e.actorKind() == null ? AuditEntry.NONE : e.actorKind(), 8));
                insert.setString(3, cut(e.actor(), 100));
                insert.setString(4, cut(e.actorName(), 100));
                if (e.tenantId() == null) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, e.tenantId());
                }
                insert.setString(6, cut(e.tenantCode(), 32));
                insert.setBoolean(7, e.global());
                insert.setString(8, cut(e.address(), 64));
                insert.setString(9, cut(e.method() == null ? "?" : e.method(), 16));
                insert.setString(10, cut(e.path() == null ? "" : e.path(), 255));
                insert.setString(11, cut(e.objectIds(), 255));
                insert.setString(12, e.fields().isEmpty() ? null : cut(String.join(",", e.fields()), 1000));
                insert.setInt(13, e.status());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Deletes the entries before the instant, in chunks; the count removed. */
    long purgeBefore(Instant before) throws SQLException {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM dp_audit WHERE at < ? ORDER BY at LIMIT " + PURGE_CHUNK)) {
            delete.setObject(1, UtcTimes.toColumn(before));
            int removed;
            do {
                removed = delete.executeUpdate();
                total += removed;
            } while (removed == PURGE_CHUNK);
        }
        return total;
    }

    /** One page of the entries matching the filter, newest first unless the query orders otherwise. */
    List<Map<String, Object>> page(SqlFragment where, Query query, int limit) throws SQLException {
        SqlFragment sql = query.select("id", Map.of("at", "DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%s.%fZ')"))
                .append(" FROM dp_audit").append(where).append(query.orderBy()).append(", id")
                .append(SqlFragment.of(" LIMIT ? OFFSET ?", (long) limit, (long) query.offset()));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection);
                ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                row.computeIfPresent("global_caller", (k, v) -> v instanceof Number n ? n.intValue() != 0 : v);
                row.computeIfPresent("fields", (k, v) -> List.of(v.toString().split(",")));
                rows.add(row);
            }
        }
        return rows;
    }

    long count(SqlFragment where) throws SQLException {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM dp_audit").append(where);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = sql.prepare(connection);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
