package org.dialplane.cdr;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Jdbc;

/** Every object of a kind and its owner's code, for the admin format's {@code tenant} column. */
final class Owners {
    private Owners() {
    }

    /**
     * Object id -> tenant code for each row of {@code table} ({@code users}, {@code queues_config}), by the rule of
     * core's {@code Ownership}: the owner recorded in {@code dp_tenant_objects}, else the {@code default} tenant.
     * {@code table} and {@code idColumn} are constants of this bundle.
     */
    static Map<String, String> of(Jdbc pbx, String kind, String table, String idColumn) {
        String sql = "SELECT x." + idColumn + ", COALESCE(t.code, ?) FROM " + table + " x"
                + " LEFT JOIN dp_tenant_objects o ON o.kind = ? AND o.object_id = x." + idColumn
                + " LEFT JOIN dp_tenants t ON t.id = o.tenant_id";
        return pbx.run(connection -> {
            Map<String, String> owners = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, Tenants.DEFAULT);
                statement.setString(2, kind);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        owners.put(result.getString(1), result.getString(2));
                    }
                }
            }
            return owners;
        });
    }
}
