package org.dialplane.media;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.media.api.MediaUse;

/**
 * Which IssabelPBX objects play a system recording: the columns where IssabelPBX's modules keep a recording's id.
 * A module that is not installed has no table (or an older one lacks a column): only the columns the database
 * has are asked, so the check works on any IssabelPBX and on Dialplane's own schema.
 */
final class IssabelMediaUsers {
    /** A table whose columns hold recording ids, and how a person names one of its rows. */
    private record Users(String table, String label, List<String> columns) {
    }

    private static final List<Users> USERS = List.of(
            new Users("ringgroups", "CONCAT('ring group ', t.grpnum, ' (', COALESCE(t.description, ''), ')')",
                    List.of("annmsg_id", "remotealert_id", "toolate_id")),
            new Users("findmefollow", "CONCAT('follow-me of extension ', t.grpnum)",
                    List.of("annmsg_id", "remotealert_id", "toolate_id")),
            new Users("queues_config", "CONCAT('queue ', t.extension, ' (', COALESCE(t.descr, ''), ')')",
                    List.of("agentannounce_id", "joinannounce_id", "callconfirm_id")),
            new Users("ivr_details", "CONCAT('IVR ', t.id, ' (', COALESCE(t.name, ''), ')')",
                    List.of("announcement", "invalid_retry_recording", "invalid_recording", "timeout_recording",
                            "timeout_retry_recording")),
            new Users("announcement", "CONCAT('announcement ', t.announcement_id, ' (', COALESCE(t.description, ''),"
                    + " ')')", List.of("recording_id")),
            new Users("meetme", "CONCAT('conference ', t.exten, ' (', COALESCE(t.description, ''), ')')",
                    List.of("joinmsg_id")),
            new Users("dynroute", "CONCAT('dynamic route ', t.dynroute_id, ' (', COALESCE(t.displayname, ''), ')')",
                    List.of("announcement_id")));

    private IssabelMediaUsers() {
    }

    /** The IssabelPBX objects that play any of the recordings, one entry per recording and object. */
    static List<MediaUse> of(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> present = presentColumns(connection);
        List<MediaUse> uses = new ArrayList<>();
        for (Users users : USERS) {
            StringJoiner union = new StringJoiner(" UNION ");
            List<Object> params = new ArrayList<>();
            for (String column : users.columns()) {
                if (present.contains(users.table() + "." + column)) {
                    // Table and column names are this class's constants; only the ids are parameters.
                    SqlFragment in = SqlFragment.in("CAST(t." + column + " AS CHAR)", ids);
                    union.add("SELECT CAST(t." + column + " AS CHAR) AS media, " + users.label() + " AS used_by FROM "
                            + users.table() + " t WHERE " + in.sql());
                    params.addAll(in.params());
                }
            }
            if (union.length() > 0) {
                for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of(union.toString(),
                        params.toArray()))) {
                    uses.add(new MediaUse((String) row.get("media"), (String) row.get("used_by")));
                }
            }
        }
        return uses;
    }

    /** {@code table.column} for every column of {@link #USERS} the database has. */
    private static Set<String> presentColumns(Connection connection) throws SQLException {
        List<String> tables = USERS.stream().map(Users::table).toList();
        SqlFragment sql = SqlFragment.of("SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND ").append(SqlFragment.in("TABLE_NAME", tables));
        return new HashSet<>(Jdbc.column(connection, sql));
    }
}
