package org.dialplane.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The JDBC plumbing every repository repeats: a connection per unit of work, transactions that roll back on
 * any failure, rows as maps ({@link Row}). Connections, statements and result sets are always closed.
 */
public final class Jdbc {
    private static final int LOCK_TIMEOUT_SECONDS = 10;
    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work on a connection of its own; a database failure becomes a {@link DatabaseException}. */
    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw lost(connection, e);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        }
    }

    /**
     * The rows of a query, read one at a time on a connection the cursor holds until it is closed: for a list too
     * long to hold in memory. Since 2.3.
     *
     * @throws DatabaseException when the query fails (no connection is then held)
     */
    public RowCursor cursor(SqlFragment sql) {
        return RowCursor.open(dataSource, sql);
    }

    /**
     * A failure on a connection the pool has since closed as broken is a lost connection, whatever it says: the
     * pool answers every later call with a plain "Connection is closed" that carries no SQLSTATE.
     */
    private static SQLException lost(Connection connection, SQLException failure) {
        try {
            if (!DatabaseException.isConnectionFailure(failure) && connection.isClosed()) {
                return new SQLNonTransientConnectionException("Connection lost: " + failure.getMessage(), "08003",
                        failure);
            }
        } catch (SQLException unknown) {
            failure.addSuppressed(unknown);
        }
        return failure;
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws anything. */
    public <T> T transaction(Work<T> work) {
        return run(connection -> inTransaction(connection, work));
    }

    /**
     * A transaction run while holding a {@link NamedLock}, waiting at most 10 s for it: two such transactions with
     * the same lock never run at once, in this process or another (e.g. number allocation).
     */
    public <T> T lockedTransaction(String lock, Work<T> work) {
        return run(connection -> {
            NamedLock.acquire(connection, lock, LOCK_TIMEOUT_SECONDS);
            T result;
            try {
                result = inTransaction(connection, work);
            } catch (SQLException | RuntimeException e) {
                // A failed release must not hide why the work failed (a lost connection fails both).
                try {
                    NamedLock.release(connection, lock);
                } catch (SQLException releaseFailure) {
                    e.addSuppressed(releaseFailure);
                }
                throw e;
            }
            NamedLock.release(connection, lock);
            return result;
        });
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // The rollback fails too when the connection is lost: the work's failure is the one that tells.
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        connection.setAutoCommit(autoCommit);
        return result;
    }

    /**
     * The rows of a query, each a map from column label to value (as text, the way pbxapi answers), in column
     * order. Since 2.2 each is an unmodifiable {@link Row}: the labels are read once per result set and every
     * row holds an array of its values.
     */
    public static List<Map<String, Object>> rows(Connection connection, SqlFragment sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            String[] columnLabels = new String[meta.getColumnCount()];
            for (int i = 0; i < columnLabels.length; i++) {
                columnLabels[i] = meta.getColumnLabel(i + 1);
            }
            Row.Labels labels = new Row.Labels(columnLabels);
            int[] columns = labels.columns;
            while (result.next()) {
                Object[] values = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    Object value = result.getObject(columns[i]);
                    values[i] = value == null || value instanceof String ? value : value.toString();
                }
                rows.add(new Row(labels, values));
            }
        }
        return rows;
    }

    /** The first column of every row. */
    public static List<String> column(Connection connection, SqlFragment sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    /** A single number, such as a COUNT(*). */
    public static long number(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    /** An INSERT, UPDATE or DELETE; the count of rows changed. */
    public static int update(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection)) {
            return statement.executeUpdate();
        }
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        return update(connection, SqlFragment.of(sql, params));
    }

    /**
     * Inserts many rows with multi-row {@code INSERT INTO table (columns) VALUES (?, ...), (?, ...), ...} statements
     * of up to a thousand rows (fewer when the values are long), in order, on the caller's connection and
     * transaction: for bulk writes, where a JDBC batch would have the server execute one statement per row. On
     * MariaDB 10.2 or later, where Connector/J sends a batch of INSERTs with the bulk protocol (cheaper still), it is
     * that batch. Each row gives one value per column, bound as {@link PreparedStatement#setObject} binds it
     * ({@code null} is SQL NULL). Since 2.3.
     *
     * @param table   the table, a plain name from code (never input)
     * @param columns its columns, plain names from code
     * @return the rows inserted
     * @throws IllegalArgumentException when a name is not a plain name or a row has the wrong number of values
     */
    public static int insertRows(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        return new MultiRowInsert("INSERT", table, columns).write(connection, rows);
    }

    /**
     * {@link #insertRows} with {@code REPLACE}: a row whose key exists replaces it; within the rows, a later one
     * with the same key wins, as statement after statement would. Since 2.3.
     *
     * @return the count MariaDB gives: 1 per row inserted, 2 per row replaced
     */
    public static int replaceRows(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        return new MultiRowInsert("REPLACE", table, columns).write(connection, rows);
    }
}
