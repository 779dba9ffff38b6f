package org.dialplane.itests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.dialplane.core.db.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A digest of every row of every table of the PBX and CDR databases (IssabelPBX's and Dialplane's {@code dp_}
 * ones), read over JDBC, not through the product. The suites take one before a tenant acts and one after, and
 * compare: {@link #changedRows} names every row that existed before and is gone or different after.
 * <p>
 * Why rows, not {@code CHECKSUM TABLE}: the acting tenant may add rows of its own (a create is allowed), which
 * changes a table's checksum without touching anyone else's data. A row present before the acting tenant's
 * objects existed is someone else's (or shared), so "every earlier row unchanged" is ownership-proof without a
 * per-table map of owner columns. Shared state that legitimately changes on any request is left out, by table or
 * column, in {@link #SHARED}: each entry says why.
 */
final class RowDigests {
    /** Columns (table.column) or whole tables (table.*) that change for reasons other than a tenant's objects. */
    static final Set<String> SHARED = Set.of(
            "dp_api_keys.last_used", // every authenticated request by a key updates it
            "dp_refresh_tokens.*", // logins and logouts (the suites log the admin in; hostile logouts revoke nothing)
            "admin.value", // IssabelPBX's need_reload flag: set by any write of any tenant
            "dp_number_runs.*", // core's runs of taken numbers, all tenants' together: any create may extend one
            "dp_audit.*", // the audit log records every write, refused ones included: that is its job
            "dp_idempotency.*"); // the answers kept for Idempotency-Key retries

    private final Map<String, Map<String, Integer>> rows;

    private RowDigests(Map<String, Map<String, Integer>> rows) {
        this.rows = rows;
    }

    /** Every row now, of both databases. */
    static RowDigests take(BundleContext context) throws SQLException {
        ServiceReference<Database> reference = context.getServiceReference(Database.class);
        try {
            Database database = context.getService(reference);
            Map<String, Map<String, Integer>> rows = new TreeMap<>();
            read(database.pbx(), "pbx", rows);
            read(database.cdr(), "cdr", rows);
            return new RowDigests(rows);
        } finally {
            context.ungetService(reference);
        }
    }

    private static void read(DataSource source, String prefix, Map<String, Map<String, Integer>> rows)
            throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                if (SHARED.contains(table + ".*")) {
                    continue;
                }
                Map<String, Integer> digests = new HashMap<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM `" + table.replace("`", "``") + "`")) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        StringBuilder shown = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String column = meta.getColumnName(i);
                            if (SHARED.contains(table + "." + column)) {
                                continue;
                            }
                            String value = result.getString(i);
                            row.append(column).append('=').append(value == null ? "\0NULL" : value).append('\0');
                            if (shown.length() < 120) {
                                String text = String.valueOf(value);
                                shown.append(column).append('=')
                                        .append(text.length() > 30 ? text.substring(0, 30) : text).append(' ');
                            }
                        }
                        digests.merge(sha256(row.toString()) + " " + shown, 1, Integer::sum);
                    }
                }
                rows.put(prefix + "." + table, digests);
            }
        }
    }

    /** The rows (by table, abbreviated) present {@code this} time and missing or different {@code after}. */
    List<String> changedRows(RowDigests after) {
        List<String> changed = new ArrayList<>();
        rows.forEach((table, digests) -> {
            Map<String, Integer> later = after.rows.getOrDefault(table, Map.of());
            digests.forEach((row, count) -> {
                if (later.getOrDefault(row, 0) < count) {
                    changed.add(table + ": " + row);
                }
            });
        });
        return changed;
    }

    /** The rows present {@code after} and not now: what a read-only caller must never cause. */
    List<String> addedRows(RowDigests after) {
        return after.changedRows(this);
    }

    int size() {
        return rows.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    int tables() {
        return rows.size();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
