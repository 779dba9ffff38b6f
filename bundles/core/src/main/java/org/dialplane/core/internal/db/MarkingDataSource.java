package org.dialplane.core.internal.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The PBX pool as bundles see it: connections whose {@code commit()} first adds the {@link AppliedMark} of the
 * request being answered, if any. Bundles keep using {@code Jdbc.transaction} unchanged; core's exported API
 * knows nothing of it.
 */
final class MarkingDataSource implements DataSource {
    private final DataSource pool;

    MarkingDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return marking(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return marking(pool.getConnection(username, password));
    }

    private static Connection marking(Connection connection) {
        return (Connection) Proxy.newProxyInstance(MarkingDataSource.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    AppliedMark mark = null;
                    if ("commit".equals(method.getName()) && method.getParameterCount() == 0
                            && !connection.getAutoCommit()) {
                        mark = AppliedMark.beforeCommit(connection);
                    }
                    try {
                        Object result = method.invoke(connection, args);
                        if (mark != null) {
                            mark.committed();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
