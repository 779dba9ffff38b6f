package org.dialplane.itests;

import static org.junit.Assert.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.db.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Plain SQL on the PBX database of the container, for tests that check what IssabelPBX would read, or write what
 * IssabelPBX's own modules would. Core's types appear in method bodies only (see DialplaneTestSupport).
 */
final class PbxSql {
    private PbxSql() {
    }

    /** Every row of a query, each as column -> text. */
    static List<Map<String, String>> rows(BundleContext context, String sql, Object... params) throws SQLException {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        assertNotNull("the Database service is registered", ref);
        try (Connection connection = context.getService(ref).pbx().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            if (!statement.execute()) {
                return rows;
            }
            try (ResultSet result = statement.getResultSet()) {
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } finally {
            context.ungetService(ref);
        }
    }

    /** The one row of a query, or null when there is none. */
    static Map<String, String> row(BundleContext context, String sql, Object... params) throws SQLException {
        List<Map<String, String>> rows = rows(context, sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
