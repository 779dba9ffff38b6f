package org.dialplane.core.pbx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The AstDB keys IssabelPBX keeps beside its tables, written the way IssabelPBX writes them. Dialplane keeps a
 * mirror in its database, so reads never need AMI; Asterisk gets the same writes through AMI when attached.
 */
@ProviderType
public interface AstDb {

    /** Writes the changes to the mirror, on the caller's connection, inside the caller's transaction. */
    void write(Connection connection, AstDbChanges changes) throws SQLException;

    /**
     * Sends the changes to Asterisk (DBPut, DBDelTree) once the transaction has committed. Best effort, off the
     * request thread: without AMI the mirror holds them until the PBX is attached and the config applied.
     */
    void push(AstDbChanges changes);

    /**
     * {@link #push} for many changes (a bulk import's hundreds of thousands of keys). Core's implementation of
     * {@link #push} already queues changes behind earlier ones and sends them in order with one action in flight,
     * so AMI's queue of waiting actions never overflows, and returns at once; this method is that, and stays for
     * implementations whose {@code push} would not. Since 2.2; by default, {@link #push}.
     */
    default void pushAll(AstDbChanges changes) {
        push(changes);
    }

    /** The mirrored keys under {@code family/keyPrefix}, keyed by the rest of the key (e.g. {@code ringtimer}). */
    Map<String, String> read(Connection connection, String family, String keyPrefix) throws SQLException;
}
