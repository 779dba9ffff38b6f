package org.dialplane.responsepaths;

import java.sql.Connection;
import java.sql.SQLException;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.responsepaths.api.Destination;

/**
 * Where a response path may send its callers, as IssabelPBX keeps them: an extension ({@code users}), a queue
 * ({@code queues_config}), a ring group ({@code ringgroups}) or a custom destination ({@code custom_destinations}),
 * each owned by a tenant through core's {@link Ownership}; and the dialplan target IssabelPBX itself jumps to for
 * each.
 */
final class Destinations {
    private Destinations() {
    }

    /** Whether the destination exists and the caller's tenant owns it. */
    static boolean exists(Connection connection, Destination destination, Caller caller) throws SQLException {
        SqlFragment sql = switch (destination.type()) {
            case Destination.EXTENSION -> owned("SELECT COUNT(*) FROM users x", "x.extension", "extension",
                    destination, caller);
            case Destination.QUEUE -> owned("SELECT COUNT(*) FROM queues_config x", "x.extension", "queue",
                    destination, caller);
            case Destination.RING_GROUP -> owned("SELECT COUNT(*) FROM ringgroups x", "x.grpnum", "ringgroup",
                    destination, caller);
            case Destination.CUSTOM -> owned("SELECT COUNT(*) FROM custom_destinations x", "x.custom_dest",
                    "customdest", destination, caller);
            default -> throw new IllegalArgumentException("unknown destination type " + destination.type());
        };
        return Jdbc.number(connection, sql) > 0;
    }

    /** The {@code context,exten,priority} a caller is sent to, as IssabelPBX's own destinations name them. */
    static String target(Destination destination) {
        return switch (destination.type()) {
            case Destination.EXTENSION -> "from-did-direct," + destination.id() + ",1";
            case Destination.QUEUE -> "ext-queues," + destination.id() + ",1";
            case Destination.RING_GROUP -> "ext-group," + destination.id() + ",1";
            case Destination.CUSTOM -> destination.id();
            default -> throw new IllegalArgumentException("unknown destination type " + destination.type());
        };
    }

    private static SqlFragment owned(String select, String idColumn, String kind, Destination destination,
            Caller caller) {
        return SqlFragment.of(select).append(SqlFragment.where(SqlFragment.of(idColumn + " = ?", destination.id()),
                Ownership.visibleTo(caller, kind, idColumn)));
    }
}
