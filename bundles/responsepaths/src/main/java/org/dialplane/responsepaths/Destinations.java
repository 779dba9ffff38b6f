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
        if (dialplanes(destination)) {
            return true; // checked through the custom destinations bundle (CustomTargets) before
        }
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
            case Destination.CUSTOM -> dialplanes(destination) ? "dp-custom-" + destination.id() + ",s,1"
                    : destination.id();
            default -> throw new IllegalArgumentException("unknown destination type " + destination.type());
        };
    }

    /**
     * Whether it is one of Dialplane's custom destinations (an id), whose target the custom destinations API
     * documents as {@code dp-custom-<id>,s,1}, rather than one of IssabelPBX's (its target, context,exten,priority).
     */
    static boolean dialplanes(Destination destination) {
        return Destination.CUSTOM.equals(destination.type())
                && ResponsePathFields.CUSTOM_ID.matcher(destination.id()).matches();
    }

    private static SqlFragment owned(String select, String idColumn, String kind, Destination destination,
            Caller caller) {
        return SqlFragment.of(select).append(SqlFragment.where(SqlFragment.of(idColumn + " = ?", destination.id()),
                Ownership.visibleTo(caller, kind, idColumn)));
    }
}
