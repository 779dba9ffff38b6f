package org.dialplane.extensions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;

/**
 * The rows other IssabelPBX modules keep for an extension, which their delete hooks remove with it: Follow Me's
 * {@code findmefollow} row ({@code findmefollow_del}), the fax module's {@code fax_users} row
 * ({@code fax_delete_user}) and the extension's paging group memberships ({@code paging_configprocess}). Left
 * behind, a recycled number would inherit them, and IssabelPBX would generate a follow-me for a missing extension.
 * Only the tables that exist: a schema Dialplane created has none of them.
 */
final class ModuleRows {
    /** Table -> the column holding the extension's number; constants, never request text. */
    private static final Map<String, String> EXTENSION_COLUMN = Map.of("findmefollow", "grpnum", "fax_users", "user",
            "paging_groups", "ext");

    private ModuleRows() {
    }

    static void delete(Connection connection, List<String> extensions) throws SQLException {
        List<String> present = Jdbc.column(connection, SqlFragment.of(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND ")
                .append(SqlFragment.in("table_name", EXTENSION_COLUMN.keySet())));
        for (String table : present) {
            String column = EXTENSION_COLUMN.get(table);
            if (column != null) {
                Jdbc.update(connection, SqlFragment.of("DELETE FROM " + table + " WHERE ")
                        .append(SqlFragment.in(column, extensions)));
            }
        }
    }
}
