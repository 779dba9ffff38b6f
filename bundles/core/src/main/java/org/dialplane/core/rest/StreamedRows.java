package org.dialplane.core.rest;

import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.Row;
import org.dialplane.core.db.RowCursor;
import org.dialplane.core.db.SqlFragment;

/**
 * The rows of a whole list (no page), read from the database while the answer is written, so that a list of
 * 10,000 rows costs a request no more memory than one of 1,000. A repository returns it from its {@code find}
 * instead of the rows ({@code StreamedRows.of(db, sql)}); {@link Crud#list} shows it with the query's fields, and
 * the JSON of {@link Results} and the CSV of {@code BulkIo.csv} write its rows as they are read, in the query's
 * order, with the same bytes as a list held in memory.
 * <p>
 * How long a connection is held, bounded three ways:
 * <ol>
 * <li>the first {@link #BUFFERED_ROWS} rows are read before anything is written: a list no longer than that (every
 * page, most PBXs' whole lists) gives its connection back before the answer is written, as before;</li>
 * <li>a longer list holds its connection while it is written, but at most {@link #MAX_STREAMS} lists do at once, of
 * the PBX pool's 10 connections, so that the others stay for every other request; another waits its turn up to
 * {@link #WAIT_SECONDS} s (then a 503 with Retry-After), holding no connection while it waits;</li>
 * <li>a client that goes away, or stops reading for the HTTP idle timeout (30 s), fails the write: the query is
 * cancelled and the connection given back at once.</li>
 * </ol>
 * As a {@link List} (its {@code size}, {@code get}, iteration) it reads every row into memory once, as a list did
 * before: for in-process callers that want the rows themselves. Not thread-safe: one request reads it. Since 2.3.
 */
public final class StreamedRows extends AbstractList<Map<String, Object>> {
    /** Rows read before writing starts; a list no longer than this never holds a connection while written. */
    public static final int BUFFERED_ROWS = Query.MAX_LIMIT;
    /** Lists written while their query runs, at once, across every resource. */
    public static final int MAX_STREAMS = 4;
    static final int WAIT_SECONDS = 30;
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Semaphore STREAMS = new Semaphore(MAX_STREAMS, true);

    /** Takes each row as it is read. */
    @FunctionalInterface
    public interface Sink {
        void row(Map<String, Object> row) throws IOException;
    }

    private final Jdbc db;
    private final SqlFragment sql;
    private final Function<Map<String, Object>, Map<String, Object>> shown;
    /** The rows read before writing; all of them once {@link #cursor} is null after an {@link #open}. */
    private List<Map<String, Object>> buffered;
    private RowCursor cursor;
    private boolean permitted;
    /** Whether the rows past the buffer went to a sink without being kept. */
    private boolean passedOn;

    private StreamedRows(Jdbc db, SqlFragment sql, Function<Map<String, Object>, Map<String, Object>> shown) {
        this.db = db;
        this.sql = sql;
        this.shown = shown;
    }

    /** The rows of the query, each a {@link Row} as {@code Jdbc.rows} reads it, read when written. */
    public static StreamedRows of(Jdbc db, SqlFragment sql) {
        return new StreamedRows(db, sql, Function.identity());
    }

    /** The same rows, each shown through {@code projection} (as {@link Query#project(Object)} shows a row). */
    public StreamedRows map(Function<Map<String, Object>, Map<String, Object>> projection) {
        if (buffered != null) {
            throw new IllegalStateException("already read");
        }
        return new StreamedRows(db, sql, shown.andThen(projection));
    }

    /**
     * Runs the query and reads its first {@link #BUFFERED_ROWS} rows; when that is all of them, gives the connection
     * back at once. Call it before writing anything, so that a failure is still an error answer: {@link #writeTo}
     * opens it when not opened, before its first row; the JSON of {@link Results} then has only its opening in
     * Jackson's buffer, not yet sent, and core's problem mapper finds the cause inside Jackson's wrapping.
     * Opening twice does nothing.
     *
     * @throws ApiException 503 when {@link #MAX_STREAMS} lists are being written and none ends within
     *                      {@link #WAIT_SECONDS} s
     * @throws org.dialplane.core.db.DatabaseException when the query fails
     */
    public void open() {
        if (buffered != null) {
            return;
        }
        acquire();
        boolean done = false;
        try {
            cursor = db.cursor(sql);
            List<Map<String, Object>> first = new ArrayList<>();
            Row row;
            while (first.size() < BUFFERED_ROWS && (row = cursor.next()) != null) {
                first.add(shown.apply(row));
            }
            buffered = first;
            if (first.size() < BUFFERED_ROWS) {
                release();
            }
            done = true;
        } finally {
            if (!done) {
                release();
            }
        }
    }

    /**
     * Hands every row, in order, to the sink: the buffered ones, then each as it is read. Gives the connection back
     * at the end or when the sink fails (a client gone: the query is then cancelled), and rethrows that failure.
     */
    public void writeTo(Sink sink) throws IOException {
        open();
        try {
            for (Map<String, Object> row : buffered) {
                sink.row(row);
            }
            if (cursor != null) {
                buffered = List.of(); // written: nothing to keep for a list of 10,000
                passedOn = true;
                Row row;
                while ((row = cursor.next()) != null) {
                    sink.row(shown.apply(row));
                }
            }
        } finally {
            close();
        }
    }

    /** Gives the connection back (cancelling the query when rows are left); the rows read so far stay. */
    public void close() {
        release();
    }

    @Override
    public Map<String, Object> get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return all().size();
    }

    /** Every row in memory, read once; for in-process callers, not for the HTTP answer. */
    private List<Map<String, Object>> all() {
        if (passedOn) {
            throw new IllegalStateException("These rows were written as they were read, and not kept");
        }
        open();
        if (cursor != null) {
            try {
                List<Map<String, Object>> rows = new ArrayList<>(buffered);
                Row row;
                while ((row = cursor.next()) != null) {
                    rows.add(shown.apply(row));
                }
                buffered = rows;
            } finally {
                release();
            }
        }
        return buffered;
    }

    private void acquire() {
        try {
            if (!STREAMS.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw ApiException.unavailable("Too many long lists are being written at once; try again shortly",
                        RETRY_AFTER_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting to write a long list", RETRY_AFTER_SECONDS);
        }
        permitted = true;
    }

    private void release() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        if (permitted) {
            permitted = false;
            STREAMS.release();
        }
    }
}
