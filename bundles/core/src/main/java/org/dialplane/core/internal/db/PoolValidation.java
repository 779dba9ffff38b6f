package org.dialplane.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the pool still reaches the database, for health. Asked at any rate (health is polled, and load-tested),
 * it answers the last result at once and starts a new validation in the background when that result is older
 * than {@link #MAX_AGE_NANOS}: a borrowed connection's {@code isValid}. When the server is gone, borrowing waits
 * for the pool's connection timeout (a few seconds), which must never hold a health request.
 */
final class PoolValidation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoolValidation.class);
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final DataSource pool;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dialplane-database-validation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean valid = true; // the pool was just built on a working connection
    private volatile long checkedAt = System.nanoTime();

    PoolValidation(DataSource pool) {
        this.pool = pool;
    }

    boolean lastResult() {
        if (System.nanoTime() - checkedAt > MAX_AGE_NANOS && running.compareAndSet(false, true)) {
            try {
                worker.execute(this::validate);
            } catch (RuntimeException closed) {
                running.set(false);
            }
        }
        return valid;
    }

    private void validate() {
        boolean result;
        try (Connection connection = pool.getConnection()) {
            result = connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            result = false;
            if (valid) {
                LOG.warn("The database is not reachable: {}", e.getMessage());
            }
        }
        if (result && !valid) {
            LOG.info("The database is reachable again");
        }
        valid = result;
        checkedAt = System.nanoTime();
        running.set(false);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
