package org.dialplane.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/**
 * A connection lost in the middle of a unit of work must come out as an unavailable database (a 503), even though
 * every later call on it (the rollback, the lock's release, resetting auto-commit) fails with the pool's plain
 * "Connection is closed", which carries no SQLSTATE: under load, those used to hide the socket error and answer 500.
 */
class JdbcTest {
    /** A connection that works until the work runs, and is closed as broken by the pool from then on. */
    private static final class LosingConnection {
        boolean closed;

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isClosed" -> closed;
                        case "close" -> null;
                        case "getAutoCommit" -> true;
                        default -> {
                            if (closed) {
                                throw new SQLException("Connection is closed");
                            }
                            yield "prepareStatement".equals(method.getName()) ? lockStatement() : null;
                        }
                    });
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    (proxy, method, args) -> {
                        if ("getConnection".equals(method.getName())) {
                            return connection();
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** GET_LOCK answering 1. */
    private static PreparedStatement lockStatement() {
        ResultSet granted = (ResultSet) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(),
                new Class<?>[] { ResultSet.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> true;
                    case "getInt" -> 1;
                    default -> null;
                });
        return (PreparedStatement) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(),
                new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "executeQuery" -> granted;
                    default -> null;
                });
    }

    @Test
    void whenSocketErrorInALockedTransaction_thenUnavailableNotHiddenByTheRelease() {
        LosingConnection database = new LosingConnection();
        Jdbc jdbc = new Jdbc(database.dataSource());
        DatabaseException failure = assertThrows(DatabaseException.class, () -> jdbc.lockedTransaction("numbers", c -> {
            database.closed = true;
            throw new SQLNonTransientConnectionException("(conn=13) Socket error", "08000");
        }));
        assertTrue(failure.unavailable(), failure.getMessage());
        assertTrue(failure.getMessage().contains("Socket error"), failure.getMessage());
    }

    @Test
    void whenClosedConnectionFailsWithoutSqlState_thenUnavailable() {
        LosingConnection database = new LosingConnection();
        Jdbc jdbc = new Jdbc(database.dataSource());
        DatabaseException failure = assertThrows(DatabaseException.class, () -> jdbc.transaction(c -> {
            database.closed = true;
            throw new SQLException("Connection is closed");
        }));
        assertTrue(failure.unavailable(), failure.getMessage());
    }

    @Test
    void whenStatementFailsOnAnOpenConnection_thenNotUnavailable() {
        LosingConnection database = new LosingConnection();
        Jdbc jdbc = new Jdbc(database.dataSource());
        DatabaseException failure = assertThrows(DatabaseException.class, () -> jdbc.transaction(c -> {
            throw new SQLException("Unknown column 'x'", "42S22");
        }));
        assertFalse(failure.unavailable(), failure.getMessage());
        assertEquals("Database error: Unknown column 'x'", failure.getMessage());
    }
}
