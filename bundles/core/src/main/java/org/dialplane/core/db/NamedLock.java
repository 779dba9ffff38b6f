package org.dialplane.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one place that takes a named lock on the database server, so that a later cluster mode can swap the
 * mechanism (Galera does not replicate {@code GET_LOCK}) without touching the bundles that lock. A lock is held
 * by the connection that took it, across transactions, until released or the connection closes.
 */
public final class NamedLock {
    private NamedLock() {
    }

    /**
     * Takes the lock, waiting at most {@code timeoutSeconds}.
     *
     * @throws DatabaseException marked {@linkplain DatabaseException#unavailable() unavailable} (a 503) when
     *         another connection held it all that time
     */
    public static void acquire(Connection connection, String name, int timeoutSeconds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name);
            statement.setInt(2, timeoutSeconds);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getInt(1) != 1) {
                    throw DatabaseException.busy("The lock " + name + " is busy; try again");
                }
            }
        }
    }

    public static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name);
            statement.executeQuery().close();
        }
    }
}
