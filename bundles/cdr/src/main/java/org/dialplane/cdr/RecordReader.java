package org.dialplane.cdr;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import javax.sql.DataSource;

import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.RecordPage;
import org.dialplane.core.db.DatabaseException;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Cursor;

/**
 * The SQL of one log table: pages by keyset, counts, and streams. Every query is the table's own SQL with the
 * request's values as parameters. The table's columns are read once, at the first request: a PBX's {@code cdr}
 * may lack the newer ones, which are then shown as null.
 */
final class RecordReader {
    /** The admin format's extra column, first. */
    static final String TENANT = "tenant";
    /**
     * Rows the driver fetches at a time while streaming: a bounded buffer, whatever the number of rows. A positive
     * fetch size is how Connector/J 3 streams (it refuses MySQL's {@code Integer.MIN_VALUE}, which 2.x accepted).
     */
    static final int FETCH_SIZE = 500;
    /**
     * Exports running at once, CDRs and queue logs together. Each holds a connection of core's CDR pool (4) for its
     * whole length: two leave the others for pages, summaries and recordings.
     */
    static final int MAX_EXPORTS = 2;
    private static final Semaphore EXPORTS = new Semaphore(MAX_EXPORTS);
    private static final int RETRY_AFTER_SECONDS = 30;

    private final DataSource cdr;
    private final RecordTable table;
    private final Tenancy tenancy;
    private volatile Columns columns;

    /** The table's columns, and the key chosen from them. */
    record Columns(Set<String> present, List<String> keys) {
    }

    RecordReader(DataSource cdr, RecordTable table, Tenancy tenancy) {
        this.cdr = cdr;
        this.table = table;
        this.tenancy = tenancy;
    }

    RecordTable table() {
        return table;
    }

    /** The columns the table has (lower case) and the tiebreak columns ordering uses, detected once. */
    Columns columns() {
        Columns known = columns;
        if (known == null) {
            known = new Jdbc(cdr).run(this::detect);
            columns = known;
        }
        return known;
    }

    private Columns detect(Connection connection) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table.table()
                + " WHERE 1 = 0"); ResultSet result = statement.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                present.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        List<String> keys = table.keys().stream().filter(present::containsAll).findFirst().orElse(List.of());
        return new Columns(Set.copyOf(present), keys);
    }

    /**
     * The columns shown: the fields asked for, after the admin format's {@code tenant} in a CSV or XML export of
     * several tenants' rows ({@code owners} not null).
     */
    List<String> shown(RecordRequest request, Function<List<String>, String> owners) {
        List<String> names = new ArrayList<>();
        if (owners != null) {
            names.add(TENANT);
        }
        names.addAll(request.fields());
        return names;
    }

    /**
     * One page: {@code limit} rows after the cursor, or more when rows at the page's end tie on the whole key, so
     * that a page always ends between two keys and the next starts after the last one: no row is ever skipped or
     * repeated, even in a table whose rows may repeat.
     */
    RecordPage page(RecordRequest request, long total) {
        int limit = request.limit().orElseThrow();
        Columns columns = columns();
        SqlFragment after = after(request.after(), columns);
        List<Read> rows = read(select(request, columns, false).append(where(request, after, columns))
                .append(orderBy(columns)).append(" LIMIT ?", limit + 1), request);
        String next = null;
        if (rows.size() > limit) {
            List<String> last = rows.get(limit - 1).key();
            List<Read> page = new ArrayList<>(rows.subList(0, limit));
            if (rows.get(limit).key().equals(last)) {
                page.removeIf(row -> row.key().equals(last));
                SqlFragment tied = where(request, keyEquals(last, columns), columns);
                page.addAll(read(select(request, columns, false).append(tied).append(orderBy(columns)), request));
            }
            rows = page;
            next = Cursor.encode(table.table(), last);
        }
        return new RecordPage(rows.stream().map(Read::shown).toList(), request.total() ? total : null, next);
    }

    long count(RecordRequest request) {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM " + table.table() + " r")
                .append(where(request, SqlFragment.EMPTY, columns()));
        return new Jdbc(cdr).run(connection -> Jdbc.number(connection, sql));
    }

    /** A row read for a page: what is shown, and its key. */
    private record Read(Map<String, Object> shown, List<String> key) {
    }

    private List<Read> read(SqlFragment sql, RecordRequest request) {
        List<String> names = shown(request, null);
        int keySize = columns().keys().size() + 1;
        return new Jdbc(cdr).run(connection -> {
            List<Read> rows = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<String> values = values(result, request, null);
                    Map<String, Object> shown = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        shown.put(names.get(i), answered(names.get(i), values.get(i)));
                    }
                    List<String> key = new ArrayList<>(keySize);
                    for (int i = 0; i < keySize; i++) {
                        key.add(result.getString(request.fields().size() + 1 + i));
                    }
                    rows.add(new Read(shown, key));
                }
            }
            return rows;
        });
    }

    private Object answered(String name, String value) {
        if (value != null && table.numbers().contains(name)) {
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * Streams every row matching to the writer, from a result set the driver streams ({@link #FETCH_SIZE} rows at
     * a time). When writing fails (the client went away) the query is cancelled at once, so that neither the
     * database nor the connection stays busy, and the failure is rethrown. At most {@link #MAX_EXPORTS} run at once:
     * another is a 503 with Retry-After before anything is written.
     */
    void stream(RecordRequest request, ExportFormat format, RowWriter writer) throws IOException {
        if (!EXPORTS.tryAcquire()) {
            throw ApiException.unavailable("At most " + MAX_EXPORTS + " exports of call records run at once;"
                    + " try again shortly", RETRY_AFTER_SECONDS);
        }
        try {
            streamRows(request, format, writer);
        } finally {
            EXPORTS.release();
        }
    }

    private void streamRows(RecordRequest request, ExportFormat format, RowWriter writer) throws IOException {
        Columns columns = columns();
        Function<List<String>, String> owners = request.scope() == null && format != ExportFormat.JSON
                ? tenancy.owners() : null;
        SqlFragment sql = select(request, columns, owners != null)
                .append(where(request, after(request.after(), columns), columns))
                .append(orderBy(columns))
                .append(request.limit().isPresent() ? SqlFragment.of(" LIMIT ?", request.limit().get())
                        : SqlFragment.EMPTY);
        try (Connection connection = cdr.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            sql.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                try {
                    writer.begin(shown(request, owners));
                    while (result.next()) {
                        writer.row(values(result, request, owners));
                    }
                    writer.end();
                } catch (IOException | SQLException | RuntimeException e) {
                    // Before the result set closes: closing a streaming one reads every row left.
                    cancel(statement);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        }
    }

    /** Stops the query in the database (KILL QUERY), so that closing the result set need not read it to its end. */
    private static void cancel(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException e) {
            // The connection is closed next either way; the failure that got us here is the one that matters.
        }
    }

    /** A row's shown values as text, the admin format's tenant first. */
    private List<String> values(ResultSet result, RecordRequest request, Function<List<String>, String> owners)
            throws SQLException {
        List<String> values = new ArrayList<>(request.fields().size() + 1);
        if (owners != null) {
            int first = request.fields().size() + columns().keys().size() + 2;
            List<String> owner = new ArrayList<>(table.owners().size());
            for (int i = 0; i < table.owners().size(); i++) {
                owner.add(result.getString(first + i));
            }
            values.add(owners.apply(owner));
        }
        for (int i = 1; i <= request.fields().size(); i++) {
            values.add(result.getString(i));
        }
        return values;
    }

    /** The fields shown, then the key's columns, then the owner columns when the admin format needs them. */
    private SqlFragment select(RecordRequest request, Columns columns, boolean withOwners) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String field : request.fields()) {
            String column = table.column(field);
            sql.append(columns.present().contains(column) ? "r." + column : "NULL").append(" AS ").append(field)
                    .append(", ");
        }
        sql.append(String.join(", ", keyColumns(columns)));
        if (withOwners) {
            for (String owner : table.owners()) {
                sql.append(", ").append(columns.present().contains(owner) ? "r." + owner : "NULL");
            }
        }
        return SqlFragment.of(sql.append(" FROM ").append(table.table()).append(" r").toString());
    }

    /** {@code WHERE} the filters, the tenant's rows, and {@code extra}. */
    SqlFragment where(RecordRequest request, SqlFragment extra, Columns columns) {
        SqlFragment tenant = request.scope() == null ? SqlFragment.EMPTY
                : tenancy.owned(request.scope(), columns.present());
        return SqlFragment.where(request.filter(), tenant, extra);
    }

    /**
     * The rows after a cursor's key, or nothing without one: {@code k0 >= ? AND (k0 > ? OR k1 > ? OR (k1 = ? AND
     * k2 > ?) ...)}, whose first bound lets the time index work.
     */
    private SqlFragment after(List<String> key, Columns columns) {
        if (key == null) {
            return SqlFragment.EMPTY;
        }
        List<String> keys = keyColumns(columns);
        SqlFragment any = SqlFragment.of(keys.get(0) + " > ?", key.get(0));
        for (int i = 1; i < keys.size(); i++) {
            SqlFragment term = SqlFragment.of("(");
            for (int j = 1; j < i; j++) {
                term = term.append(keys.get(j) + " = ? AND ", key.get(j));
            }
            any = any.append(" OR ").append(term.append(keys.get(i) + " > ?)", key.get(i)));
        }
        return SqlFragment.of(keys.get(0) + " >= ? AND (", key.get(0)).append(any).append(")");
    }

    private SqlFragment keyEquals(List<String> key, Columns columns) {
        List<String> keys = keyColumns(columns);
        SqlFragment all = SqlFragment.of("(" + keys.get(0) + " = ?", key.get(0));
        for (int i = 1; i < keys.size(); i++) {
            all = all.append(" AND " + keys.get(i) + " = ?", key.get(i));
        }
        return all.append(")");
    }

    private SqlFragment orderBy(Columns columns) {
        return SqlFragment.of(" ORDER BY " + String.join(", ", keyColumns(columns)));
    }

    /** The time, then the tiebreak columns; text ones without NULLs, which no comparison would match. */
    private List<String> keyColumns(Columns columns) {
        List<String> keys = new ArrayList<>();
        keys.add("r." + table.time());
        for (String key : columns.keys()) {
            keys.add(table.numbers().contains(key) || key.equals("id") ? "r." + key : "COALESCE(r." + key + ", '')");
        }
        return keys;
    }
}
