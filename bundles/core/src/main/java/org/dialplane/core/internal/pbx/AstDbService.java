package org.dialplane.core.internal.pbx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiResponse;
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

    /** Optional: without a PBX the mirror is all there is; with one, writes also go to Asterisk. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ami ami;
    /** The changes not yet sent, in the order written; one sender at a time ({@link #sending}). */
    private final java.util.Queue<AstDbChanges.Op> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void write(Connection connection, AstDbChanges changes) throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(
                "REPLACE INTO dp_astdb (family, keyname, value) VALUES (?, ?, ?)");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM dp_astdb WHERE family = ?"
                        + " AND (keyname = ? OR keyname LIKE CONCAT(?, '/%') ESCAPE '!')")) {
            // Puts go in batches (one round trip for a new extension's 25 keys instead of 25); a delete first sends
            // the puts before it, so the order of the changes holds.
            boolean batched = false;
            for (AstDbChanges.Op op : changes.ops()) {
                if (op.isDelete()) {
                    if (batched) {
                        put.executeBatch();
                        batched = false;
                    }
                    delete.setString(1, op.family());
                    delete.setString(2, op.key());
                    delete.setString(3, escapeLike(op.key()));
                    delete.executeUpdate();
                } else {
                    put.setString(1, op.family());
                    put.setString(2, op.key());
                    put.setString(3, op.value());
                    put.addBatch();
                    batched = true;
                }
            }
            if (batched) {
                put.executeBatch();
            }
        }
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
