package org.dialplane.ringgroups;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.ringgroups.api.RingGroupChange;

/**
 * The writes of a bulk import of ring groups, in the caller's transaction: the same {@code ringgroups} rows and
 * AstDB keys as {@link RingGroupRepository}'s single create and update, sent as JDBC batches of {@value #CHUNK}
 * rows (one statement per distinct set of columns: every create writes all of them, an update the ones sent), and
 * the owners and the index of numbers recorded once at the end.
 */
final class RingGroupBatch {
    static final int CHUNK = 500;

    /** What the notifier needs once committed: the AstDB keys written, and the numbers created and updated. */
    record Written(AstDbChanges astdb, List<String> created, List<String> updated) {
    }

    /** Told after each chunk: rows written so far, of which created and updated. */
    interface Progress {
        void written(int created, int updated);
    }

    private RingGroupBatch() {
    }

    static Written write(Connection connection, List<RingGroupImportPlan.Planned> rows, Caller caller, AstDb astDb,
            NumberIndex index, Progress progress) throws SQLException {
        AstDbChanges all = new AstDbChanges();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += CHUNK) {
            AstDbChanges astdb = new AstDbChanges();
            Map<String, List<List<Object>>> statements = new LinkedHashMap<>();
            for (RingGroupImportPlan.Planned row : rows.subList(start, Math.min(rows.size(), start + CHUNK))) {
                RingGroupChange change = row.existing() ? row.change()
                        : IssabelRingGroup.withDefaults(row.change());
                if (row.existing()) {
                    update(statements, change);
                    updated.add(change.extension());
                } else {
                    insert(statements, change);
                    created.add(change.extension());
                }
                IssabelRingGroup.callerId(change).ops().forEach(op -> astdb.put(op.family(), op.key(), op.value()));
            }
            execute(connection, statements);
            astDb.write(connection, astdb);
            astdb.ops().forEach(op -> all.put(op.family(), op.key(), op.value()));
            progress.written(created.size(), updated.size());
        }
        Ownership.assignAll(connection, RingGroupRepository.KIND, created, caller.tenantId());
        index.addAll(connection, created);
        return new Written(all, created, updated);
    }

    /** Every column, as {@link RingGroupRepository}'s create writes them: the sent values over the defaults. */
    private static void insert(Map<String, List<List<Object>>> statements, RingGroupChange group) {
        SqlFragment insert = RingGroupRepository.insertStatement(group);
        statements.computeIfAbsent(insert.sql(), sql -> new ArrayList<>()).add(insert.params());
    }

    /** Only the columns sent, as a PUT updates them; nothing when a row sends only caller id keys. */
    private static void update(Map<String, List<List<Object>>> statements, RingGroupChange change) {
        if (change.columns().isEmpty()) {
            return;
        }
        SqlFragment update = RingGroupRepository.updateStatement(change);
        statements.computeIfAbsent(update.sql(), sql -> new ArrayList<>()).add(update.params());
    }

    /** Each statement (column names from {@link IssabelRingGroup}'s list, never input) sent as one batch. */
    private static void execute(Connection connection, Map<String, List<List<Object>>> statements)
            throws SQLException {
        for (Map.Entry<String, List<List<Object>>> statement : statements.entrySet()) {
            try (PreparedStatement batch = connection.prepareStatement(statement.getKey())) {
                for (List<Object> params : statement.getValue()) {
                    for (int i = 0; i < params.size(); i++) {
                        batch.setObject(i + 1, params.get(i));
                    }
                    batch.addBatch();
                }
                batch.executeBatch();
            }
        }
    }
}
