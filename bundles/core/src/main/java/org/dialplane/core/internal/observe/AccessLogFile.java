package org.dialplane.core.internal.observe;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An access log file, appended to (so {@code logrotate}'s {@code copytruncate} works). A request only queues its
 * record; the log's own thread formats the queued records and writes them out every {@value #WRITE_MILLIS} ms and
 * when closed. Formatting and writing on the request thread (under this file's lock, which every request thread
 * took) was most of the access log's cost per request; here it runs beside the next request instead of before it.
 * If that thread falls more than {@value #MAX_QUEUED} records behind, the request threads write too: no line is
 * dropped and the queue stays bounded. The price: the last {@value #WRITE_MILLIS} ms of lines are lost if the JVM
 * dies.
 */
final class AccessLogFile implements AutoCloseable {
    static final long WRITE_MILLIS = 200;
    static final int MAX_QUEUED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFile.class);

    private final Path path;
    private final Function<RequestRecord, String> format;
    private final Queue<RequestRecord> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private final Writer out; // guarded by this
    private final ScheduledExecutorService writer;
    private boolean failed; // guarded by this

    AccessLogFile(Path path, Function<RequestRecord, String> format) throws IOException {
        this.path = path;
        this.format = format;
        Files.createDirectories(path.getParent());
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dialplane-access-log");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::write, WRITE_MILLIS, WRITE_MILLIS, TimeUnit.MILLISECONDS);
    }

    Path path() {
        return path;
    }

    /** Queues a request's line; called on Jetty's threads. */
    void append(RequestRecord record) {
        queued.add(record);
        if (queuedCount.incrementAndGet() > MAX_QUEUED) {
            write();
        }
    }

    /** Formats and writes every queued record, then flushes. */
    synchronized void write() {
        boolean wrote = false;
        for (RequestRecord record = queued.poll(); record != null; record = queued.poll()) {
            queuedCount.decrementAndGet();
            try {
                out.write(format.apply(record));
                out.write('\n');
                wrote = true;
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
        }
        if (!wrote) {
            return;
        }
        try {
            out.flush();
            failed = false;
        } catch (IOException e) {
            failed(e);
        }
    }

    /** Said once per outage, not once per request. */
    private void failed(Exception e) {
        if (!failed) {
            LOG.warn("Cannot write the access log {}: {}", path, e.toString());
            failed = true;
        }
    }

    @Override
    public void close() {
        // not shutdownNow: an interrupt inside a write would close the file's channel under the last lines
        writer.shutdown();
        try {
            writer.awaitTermination(WRITE_MILLIS * 5, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            write();
            try {
                out.close();
            } catch (IOException e) {
                failed(e);
            }
        }
    }
}
