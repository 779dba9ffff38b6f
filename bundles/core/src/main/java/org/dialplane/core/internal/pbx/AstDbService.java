package org.dialplane.core.internal.pbx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The AstDB mirror in {@code dp_astdb}, and DBPut/DBDelTree through AMI when a PBX is attached. */
@Component(service = AstDb.class)
public class AstDbService implements AstDb {
    private static final Logger LOG = LoggerFactory.getLogger(AstDbService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> COLUMNS = List.of("family", "keyname", "value");

    /** Optional: without a PBX the mirror is all there is; with one, writes also go to Asterisk. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ami ami;
    /** The changes not yet sent, in the order written; one sender at a time ({@link #sending}). */
    private final java.util.Queue<AstDbChanges.Op> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void write(Connection connection, AstDbChanges changes) throws SQLException {
        // Puts go as multi-row REPLACEs (a bulk import's 250,000 keys in a few hundred statements, where a JDBC
        // batch of REPLACEs runs one statement per key); a delete first sends the puts before it, so the order of
        // the changes holds.
        List<Object[]> puts = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dp_astdb WHERE family = ?"
                + " AND (keyname = ? OR keyname LIKE CONCAT(?, '/%') ESCAPE '!')")) {
            for (AstDbChanges.Op op : changes.ops()) {
                if (op.isDelete()) {
                    Jdbc.replaceRows(connection, "dp_astdb", COLUMNS, puts);
                    puts.clear();
                    delete.setString(1, op.family());
                    delete.setString(2, op.key());
                    delete.setString(3, escapeLike(op.key()));
                    delete.executeUpdate();
                } else {
                    puts.add(new Object[] {op.family(), op.key(), op.value()});
                }
            }
        }
        Jdbc.replaceRows(connection, "dp_astdb", COLUMNS, puts);
    }

    /**
     * Queues the changes behind those of earlier writes, and sends them one after another, each when the one
     * before is answered: in their order across writes (an extension's 25 DBPuts, then its DBDelTree, must reach
     * Asterisk in that order), holding one of AMI's 64 places for actions in flight. Sent all at once, a bulk
     * delete of 200 ring groups filled every place, the rest were dropped ("AMI is busy") and requests to AMI
     * answered 503 meanwhile; sent per write, a delete overtook its extension's puts (both found by SoakIT).
     */
    @Override
    public void push(AstDbChanges changes) {
        Ami current = ami;
        if (current == null || !current.isConnected() || changes.isEmpty()) {
            return;
        }
        queue.addAll(changes.ops());
        if (sending.compareAndSet(false, true)) {
            sendQueued(current);
        }
    }

    /** A loop while answers come at once (a refusal, AMI gone): no recursion as deep as a bulk delete is long. */
    private void sendQueued(Ami current) {
        while (true) {
            AstDbChanges.Op op = queue.poll();
            if (op == null) {
                sending.set(false);
                if (queue.isEmpty() || !sending.compareAndSet(false, true)) {
                    return; // nothing left, or another push's caller now sends
                }
                continue;
            }
            AmiAction action = op.isDelete()
                    ? AmiAction.of("DBDelTree").with("Family", op.family()).with("Key", op.key())
                    : AmiAction.of("DBPut").with("Family", op.family()).with("Key", op.key()).with("Val", op.value());
            CompletableFuture<AmiResponse> sent = current.send(action, TIMEOUT).toCompletableFuture();
            if (!sent.isDone()) {
                sent.whenComplete((response, failure) -> {
                    warnIfFailed(action, op, failure);
                    sendQueued(current);
                });
                return;
            }
            sent.whenComplete((response, failure) -> warnIfFailed(action, op, failure));
        }
    }

    private static void warnIfFailed(AmiAction action, AstDbChanges.Op op, Throwable failure) {
        if (failure != null) {
            LOG.warn("AstDB {} {}/{} not sent to Asterisk: {}", action.name(), op.family(), op.key(),
                    failure.getMessage());
        }
    }

    @Override
    public Map<String, String> read(Connection connection, String family, String keyPrefix) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT keyname, value FROM dp_astdb"
                + " WHERE family = ? AND keyname LIKE CONCAT(?, '/%') ESCAPE '!' ORDER BY keyname")) {
            statement.setString(1, family);
            statement.setString(2, escapeLike(keyPrefix));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    keys.put(result.getString(1).substring(keyPrefix.length() + 1), result.getString(2));
                }
            }
        }
        return keys;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
