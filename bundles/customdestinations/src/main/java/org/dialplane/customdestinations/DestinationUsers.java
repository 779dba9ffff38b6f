package org.dialplane.customdestinations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Ownership;

/**
 * What refers to a custom destination in IssabelPBX's tables, so that it is not deleted from under them: every
 * destination column that may hold its goto ({@code dp-custom-<id>,s,1}), in the tables this database has (an
 * IssabelPBX without a module has no table for it), and, for an external number, the tenant's ring groups whose
 * {@code grplist} rings {@code <number>#}. Each user is named as an administrator finds it.
 */
final class DestinationUsers {
    /** A column that may hold a goto, the key naming its row, and what the row is. */
    private record GotoColumn(String table, String column, String key, String noun) {
    }

    private static final List<GotoColumn> GOTO_COLUMNS = List.of(
            new GotoColumn("ringgroups", "postdest", "grpnum", "ring group"),
            new GotoColumn("incoming", "destination", "CONCAT(extension, '/', COALESCE(cidnum, ''))",
                    "inbound route"),
            new GotoColumn("ivr_details", "invalid_destination", "id", "IVR"),
            new GotoColumn("ivr_details", "timeout_destination", "id", "IVR"),
            new GotoColumn("ivr_entries", "dest", "CONCAT(ivr_id, ' option ', COALESCE(selection, ''))", "IVR"),
            new GotoColumn("timeconditions", "truegoto", "timeconditions_id", "time condition"),
            new GotoColumn("timeconditions", "falsegoto", "timeconditions_id", "time condition"),
            new GotoColumn("queues_config", "dest", "extension", "queue"),
            new GotoColumn("queues_config", "destcontinue", "extension", "queue"),
            new GotoColumn("users", "noanswer_dest", "extension", "extension"),
            new GotoColumn("users", "busy_dest", "extension", "extension"),
            new GotoColumn("users", "chanunavail_dest", "extension", "extension"),
            new GotoColumn("findmefollow", "postdest", "grpnum", "follow me"),
            new GotoColumn("announcement", "post_dest", "announcement_id", "announcement"),
            new GotoColumn("daynight", "dest", "ext", "call flow control"),
            new GotoColumn("miscapps", "dest", "miscapps_id", "misc application"),
            new GotoColumn("callrecording", "dest", "callrecording_id", "call recording"),
            new GotoColumn("languages", "dest", "language_id", "language"),
            new GotoColumn("setcid", "dest", "cid_id", "set caller id"),
            new GotoColumn("queueprio", "dest", "queueprio_id", "queue priority"),
            new GotoColumn("dynroute_dests", "dest", "dynroute_id", "dynamic route"),
            new GotoColumn("writequeuelog", "dest", "qlog_id", "queue log writer"),
            new GotoColumn("callback", "destination", "callback_id", "callback"),
            new GotoColumn("parkplus", "dest", "id", "parking lot"),
            new GotoColumn("customcontexts_contexts", "faildestination", "context", "custom context"),
            new GotoColumn("customcontexts_contexts", "featurefaildestination", "context", "custom context"),
            new GotoColumn("dialplaninjection_dialplaninjections", "destination", "id", "dialplan injection"),
            new GotoColumn("outbound_routes", "dest", "route_id", "outbound route"));

    private DestinationUsers() {
    }

    /**
     * Who uses the destination: {@code ["ring group 600 (postdest)", ...]}, empty when nothing does.
     *
     * @param dialledNumber the number it dials when its type is an external number, else null
     */
    static List<String> of(Connection connection, long id, long tenantId, String dialledNumber)
            throws SQLException {
        Set<String> present = presentColumns(connection);
        List<String> users = new ArrayList<>();
        String destination = CustomDialplan.destination(id);
        for (GotoColumn c : GOTO_COLUMNS) {
            if (present.contains(c.table() + "." + c.column()) && present.contains(c.table() + "." + keyColumn(c))) {
                // Table, column and key are this class's constants, never request text.
                for (String key : Jdbc.column(connection, SqlFragment.of("SELECT " + c.key() + " FROM " + c.table()
                        + " WHERE " + c.column() + " = ?", destination))) {
                    users.add(c.noun() + " " + key + " (" + c.column() + ")");
                }
            }
        }
        if (dialledNumber != null && present.contains("ringgroups.grplist")) {
            Caller tenant = new Caller("hunt list check", tenantId, "", false, true);
            SqlFragment sql = SqlFragment.of("SELECT r.grpnum FROM ringgroups r").append(SqlFragment.where(
                    SqlFragment.of("CONCAT('-', r.grplist, '-') LIKE ?", "%-" + dialledNumber + "#-%"),
                    Ownership.visibleTo(tenant, "ringgroup", "r.grpnum")));
            for (String ringGroup : Jdbc.column(connection, sql)) {
                users.add("ring group " + ringGroup + " (hunt list)");
            }
        }
        return users;
    }

    /** The key's own column when the key is an expression: the first identifier in it. */
    private static String keyColumn(GotoColumn c) {
        return c.key().startsWith("CONCAT(") ? c.key().substring(7).split("[,)]")[0] : c.key();
    }

    private static Set<String> presentColumns(Connection connection) throws SQLException {
        Set<String> present = new HashSet<>();
        for (var row : Jdbc.rows(connection, SqlFragment.of("SELECT LOWER(CONCAT(table_name, '.', column_name)) AS c"
                + " FROM information_schema.columns WHERE table_schema = DATABASE()"))) {
            present.add((String) row.get("c"));
        }
        return present;
    }
}
