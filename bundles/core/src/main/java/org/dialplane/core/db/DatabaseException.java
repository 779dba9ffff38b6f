package org.dialplane.core.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A database failure. Core answers it with a 503 and {@code Retry-After} when the database is
 * {@linkplain #unavailable() unavailable} (the connection is lost or refused, a lock stayed busy), which a
 * client may retry, and with a 500 otherwise; both are logged, neither shows the server's message.
 */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    private DatabaseException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** Wraps a driver's exception, telling a lost or refused connection from other failures. */
    public static DatabaseException of(SQLException cause) {
        if (cause instanceof DatabaseException.Busy busy) {
            return new DatabaseException(busy.getMessage(), null, true);
        }
        return new DatabaseException("Database error: " + cause.getMessage(), cause, isConnectionFailure(cause));
    }

    /** A lock or resource that stayed busy: the request may be retried. */
    static SQLException busy(String message) {
        return new Busy(message);
    }

    /** Whether the database could not be reached (rather than refusing the statement): worth a retry. */
    public boolean unavailable() {
        return unavailable;
    }

    /** SQLSTATE class 08 (connection exception) or the JDBC connection exception types, anywhere in the chain. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Thrown inside a unit of work for a busy lock, so that it passes through the work's SQLException path. */
    private static final class Busy extends SQLException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }
}
