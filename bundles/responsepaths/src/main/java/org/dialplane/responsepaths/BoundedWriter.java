package org.dialplane.responsepaths;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread that runs tasks in the order given, with a bounded queue: when the queue is full a task is refused
 * at once (counted), never waited for, so whoever hands work over is never held up.
 */
final class BoundedWriter implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final AtomicLong refused = new AtomicLong();

    BoundedWriter(int capacity, String threadName) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, capacity)), task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues the task; false (and counted) when the queue is full or the writer closed. */
    boolean offer(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            refused.incrementAndGet();
            return false;
        }
    }

    /** The tasks refused so far. */
    long refused() {
        return refused.get();
    }

    /** The tasks waiting. */
    int waiting() {
        return executor.getQueue().size();
    }

    /** Runs what is queued, waiting at most {@code grace}; the count of tasks dropped unrun. */
    int close(Duration grace) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS) ? 0
                : executor.shutdownNow().size();
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ZERO);
    }
}
