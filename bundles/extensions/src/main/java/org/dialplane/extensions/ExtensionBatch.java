package org.dialplane.extensions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.extensions.api.ExtensionChange;

/**
 * The writes of a bulk import, in the caller's transaction: the same rows and AstDB keys as
 * {@link ExtensionRepository}'s single create and update, {@value #CHUNK} extensions at a time (a create is 32 rows
 * and 25 keys), the new rows as multi-row INSERTs ({@link Jdbc#insertRows}) instead of statement by statement, and
 * the index of numbers and the owners recorded once at the end.
 */
final class ExtensionBatch {
    static final int CHUNK = 500;
    private static final List<String> USERS = List.of("extension", "password", "name", "voicemail", "ringtimer",
            "noanswer", "recording", "outboundcid", "sipname", "noanswer_cid", "busy_cid", "chanunavail_cid",
            "noanswer_dest", "busy_dest", "chanunavail_dest");
    private static final List<String> DEVICES = List.of("id", "tech", "dial", "devicetype", "user", "description",
            "emergency_cid");
    private static final List<String> SIP = List.of("id", "keyword", "data", "flags");

    /** What the notifier needs once committed: the AstDB keys written and the changes, created ones first. */
    record Written(AstDbChanges astdb, List<ExtensionChange> created, List<ExtensionChange> updated) {
    }

    /** Told after each chunk: rows written so far, of which created and updated. */
    interface Progress {
        void written(int created, int updated);
    }

    private ExtensionBatch() {
    }

    static Written write(Connection connection, List<ImportPlan.Planned> rows, Caller caller, AstDb astDb,
            NumberIndex index, Progress progress, StepClock clock) throws SQLException {
        AstDbChanges all = new AstDbChanges();
        List<ExtensionChange> created = new ArrayList<>();
        List<ExtensionChange> updated = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += CHUNK) {
            AstDbChanges astdb = new AstDbChanges();
            List<ExtensionChange> creates = new ArrayList<>();
            List<ExtensionChange> updates = new ArrayList<>();
            for (ImportPlan.Planned row : rows.subList(start, Math.min(rows.size(), start + CHUNK))) {
                if (row.existing()) {
                    updates.add(row.change());
                    IssabelExtension.updated(row.change()).ops().forEach(op -> add(astdb, op));
                } else {
                    ExtensionChange full = IssabelExtension.withDefaults(row.change());
                    creates.add(full);
                    IssabelExtension.created(full).ops().forEach(op -> add(astdb, op));
                }
            }
            clock.lap("AstDB keys built");
            insert(connection, creates, clock);
            update(connection, updates);
            clock.lap("updates");
            astDb.write(connection, astdb);
            clock.lap("dp_astdb");
            astdb.ops().forEach(op -> add(all, op));
            created.addAll(creates);
            updated.addAll(updates);
            progress.written(created.size(), updated.size());
        }
        List<String> numbers = created.stream().map(ExtensionChange::extension).toList();
        Ownership.assignAll(connection, ExtensionRepository.KIND, numbers, caller.tenantId());
        clock.lap("dp_tenant_objects");
        index.addAll(connection, numbers);
        clock.lap("dp_numbers and runs");
        return new Written(all, created, updated);
    }

    private static void add(AstDbChanges changes, AstDbChanges.Op op) {
        if (op.isDelete()) {
            changes.deleteTree(op.family(), op.key());
        } else {
            changes.put(op.family(), op.key(), op.value());
        }
    }

    /** The rows {@link ExtensionRepository}'s create writes, column for column, as multi-row statements. */
    private static void insert(Connection connection, List<ExtensionChange> creates, StepClock clock)
            throws SQLException {
        if (creates.isEmpty()) {
            return;
        }
        List<Object[]> users = new ArrayList<>(creates.size());
        List<Object[]> devices = new ArrayList<>(creates.size());
        List<Object[]> sip = new ArrayList<>(creates.size() * 32);
        for (ExtensionChange e : creates) {
            users.add(new Object[] {e.extension(), "", e.name(), e.voicemail(), e.ringtimer(), "", "", "", "", "", "",
                    "", "", "", ""});
            devices.add(new Object[] {e.extension(), e.tech(), IssabelExtension.dial(e), "fixed", e.extension(),
                    e.name(), ""});
            for (IssabelExtension.SipRow row : IssabelExtension.sipRows(e)) {
                sip.add(new Object[] {e.extension(), row.keyword(), row.data(), row.flags()});
            }
        }
        clock.lap("rows built");
        Jdbc.insertRows(connection, "users", USERS, users);
        clock.lap("users");
        Jdbc.insertRows(connection, "devices", DEVICES, devices);
        clock.lap("devices");
        Jdbc.insertRows(connection, "sip", SIP, sip);
        clock.lap("sip");
    }

    /** The fields each row sends, as {@link ExtensionRepository}'s update writes them. */
    private static void update(Connection connection, List<ExtensionChange> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        List<Object[]> secrets = new ArrayList<>();
        try (PreparedStatement userName = connection.prepareStatement(
                "UPDATE users SET name = ? WHERE extension = ?");
                PreparedStatement deviceName = connection.prepareStatement(
                        "UPDATE devices SET description = ? WHERE id = ?");
                PreparedStatement ringtimer = connection.prepareStatement(
                        "UPDATE users SET ringtimer = ? WHERE extension = ?");
                PreparedStatement voicemail = connection.prepareStatement(
                        "UPDATE users SET voicemail = ? WHERE extension = ?")) {
            for (ExtensionChange e : updates) {
                String x = e.extension();
                if (e.name() != null) {
                    batch(userName, e.name(), x);
                    batch(deviceName, e.name(), x);
                }
                if (e.ringtimer() != null) {
                    ringtimer.setInt(1, e.ringtimer());
                    ringtimer.setString(2, x);
                    ringtimer.addBatch();
                }
                if (e.voicemail() != null) {
                    batch(voicemail, e.voicemail(), x);
                }
                if (e.secret() != null) {
                    secrets.add(new Object[] {x, "secret", e.secret(), 2});
                }
            }
            for (PreparedStatement statement : List.of(userName, deviceName, ringtimer, voicemail)) {
                statement.executeBatch();
            }
        }
        Jdbc.replaceRows(connection, "sip", SIP, secrets);
    }

    private static void batch(PreparedStatement statement, String first, String second) throws SQLException {
        statement.setString(1, first);
        statement.setString(2, second);
        statement.addBatch();
    }
}
