package org.dialplane.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The rows of one query read one at a time, on a connection of its own that it holds until {@link #close}: the
 * driver fetches {@link #FETCH_SIZE} rows at a time, so memory stays the same however many rows match. Each row is
 * a {@link Row} as {@link Jdbc#rows} reads it (values as text). Open it with {@link Jdbc#cursor}; always close it:
 * closed before its last row, it cancels the query (KILL QUERY) first, since closing a streaming result set
 * otherwise reads every row left. Not thread-safe: one request reads it. Since 2.3.
 */
public final class RowCursor implements AutoCloseable {
    /**
     * Rows the driver fetches at a time. A positive fetch size on a forward-only, read-only statement is how
     * MariaDB Connector/J 3 streams (as the cdr bundle's exports do).
     */
    public static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet result;
    private final Row.Labels labels;
    private boolean ended;
    private boolean closed;

    private RowCursor(Connection connection, PreparedStatement statement, ResultSet result) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        ResultSetMetaData meta = result.getMetaData();
        String[] columnLabels = new String[meta.getColumnCount()];
        for (int i = 0; i < columnLabels.length; i++) {
            columnLabels[i] = meta.getColumnLabel(i + 1);
        }
        this.labels = new Row.Labels(columnLabels);
    }

    static RowCursor open(DataSource source, SqlFragment sql) {
        Connection connection = null;
        PreparedStatement statement = null;
        try {
            connection = source.getConnection();
            statement = connection.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            sql.bind(statement);
            return new RowCursor(connection, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(statement, e);
            closeQuietly(connection, e);
            throw e instanceof SQLException sqlFailure ? DatabaseException.of(sqlFailure) : (RuntimeException) e;
        }
    }

    /**
     * The next row, or {@code null} after the last.
     *
     * @throws DatabaseException when the read fails (the cursor is then useless: close it)
     */
    public Row next() {
        if (ended || closed) {
            return null;
        }
        try {
            if (!result.next()) {
                ended = true;
                return null;
            }
            int[] columns = labels.columns;
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Object value = result.getObject(columns[i]);
                values[i] = value == null || value instanceof String ? value : value.toString();
            }
            return new Row(labels, values);
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        }
    }

    /** Releases the connection; cancels the query first when rows are left. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ended) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // The connection is closed next either way.
            }
        }
        // Nothing is left to tell a caller that is done with the rows; the pool checks the connection anyway.
        closeQuietly(result, null);
        closeQuietly(statement, null);
        closeQuietly(connection, null);
    }

    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
