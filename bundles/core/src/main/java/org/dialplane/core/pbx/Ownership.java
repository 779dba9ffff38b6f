package org.dialplane.core.pbx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;

/**
 * Which tenant owns an IssabelPBX object, kept in {@code dp_tenant_objects} so the IssabelPBX tables are never
 * altered. An object without a row there belongs to the {@code default} tenant.
 */
public final class Ownership {
    private static final String OWNER = "COALESCE((SELECT o.tenant_id FROM dp_tenant_objects o"
            + " WHERE o.kind = ? AND o.object_id = %s),"
            + " (SELECT t.id FROM dp_tenants t WHERE t.code = 'default'))";

    private Ownership() {
    }

    /**
     * The condition that the object whose id is in {@code idColumn} is visible to the caller: always for global
     * callers, else only the caller's tenant's objects. {@code idColumn} is the resource's own SQL, never input.
     */
    public static SqlFragment visibleTo(Caller caller, String kind, String idColumn) {
        if (caller.global()) {
            return SqlFragment.EMPTY;
        }
        return ownerOf(kind, idColumn).append(" = ?", caller.tenantId());
    }

    /**
     * The SQL expression of the id of the tenant owning the object whose id is in {@code idColumn}: its row in
     * {@code dp_tenant_objects}, else the {@code default} tenant. For a query that needs the owner itself (to compare
     * it with a given tenant, or to select it); {@code idColumn} is the resource's own SQL, never input.
     */
    public static SqlFragment ownerOf(String kind, String idColumn) {
        return SqlFragment.of(String.format(OWNER, idColumn), kind);
    }

    /** Records the caller's tenant as the owner of a new object. */
    public static void assign(Connection connection, String kind, String objectId, long tenantId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "REPLACE INTO dp_tenant_objects (kind, object_id, tenant_id) VALUES (?, ?, ?)")) {
            statement.setString(1, kind);
            statement.setString(2, objectId);
            statement.setLong(3, tenantId);
            statement.executeUpdate();
        }
    }

    /**
     * Records the caller's tenant as the owner of many new objects, as multi-row statements (a bulk import).
     * Since 2.2.
     */
    public static void assignAll(Connection connection, String kind, Collection<String> objectIds, long tenantId)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(objectIds.size());
        for (String id : objectIds) {
            rows.add(new Object[] {kind, id, tenantId});
        }
        Jdbc.replaceRows(connection, "dp_tenant_objects", List.of("kind", "object_id", "tenant_id"), rows);
    }

    /** Forgets the owners of deleted objects. */
    public static void release(Connection connection, String kind, Collection<String> objectIds)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM dp_tenant_objects WHERE kind = ? AND object_id = ?")) {
            for (String id : objectIds) {
                statement.setString(1, kind);
                statement.setString(2, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The numbers the caller may use for new objects: its tenant's range, or any number. */
    public static Numbering.Range range(Connection connection, Caller caller) throws SQLException {
        if (caller.global()) {
            return Numbering.Range.ANY;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT range_start, range_end FROM dp_tenants WHERE id = ?")) {
            statement.setLong(1, caller.tenantId());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getObject(1) != null && result.getObject(2) != null) {
                    return new Numbering.Range(result.getLong(1), result.getLong(2));
                }
            }
        }
        return Numbering.Range.ANY;
    }
}
