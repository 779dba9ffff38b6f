package org.dialplane.core.internal.observe;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An access log file, appended to (so {@code logrotate}'s {@code copytruncate} works). Lines are buffered and
 * written out every {@value #FLUSH_MILLIS} ms and when closed, not per request: one write per second costs the
 * request path nothing, at the price of losing the last second's lines if the JVM dies.
 */
final class AccessLogFile implements AutoCloseable {
    static final long FLUSH_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFile.class);

    private final Path path;
    private final Writer out; // guarded by this
    private final ScheduledExecutorService flusher;
    private boolean dirty; // guarded by this
    private boolean failed; // guarded by this

    AccessLogFile(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path.getParent());
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dialplane-access-log");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    Path path() {
        return path;
    }

    synchronized void append(String line) {
        try {
            out.write(line);
            out.write('\n');
            dirty = true;
        } catch (IOException e) {
            failed(e);
        }
    }

    synchronized void flush() {
        if (!dirty) {
            return;
        }
        try {
            out.flush();
            dirty = false;
            failed = false;
        } catch (IOException e) {
            failed(e);
        }
    }

    /** Said once per outage, not once per request. */
    private void failed(IOException e) {
        if (!failed) {
            LOG.warn("Cannot write the access log {}: {}", path, e.getMessage());
            failed = true;
        }
    }

    @Override
    public synchronized void close() {
        flusher.shutdownNow();
        try {
            out.close();
        } catch (IOException e) {
            failed(e);
        }
    }
}
