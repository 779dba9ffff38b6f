package org.dialplane.core.internal.ami;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events off the AMI reader thread. Each subscriber has its own bounded backlog drained by a
 * shared pool, one event at a time and in order, so a slow subscriber holds up only its own backlog and
 * never the reader or the other subscribers. A full backlog drops that subscriber's oldest event.
 */
final class EventDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int BACKLOG = 10_000;
    private static final int WORKERS = 8;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService workers;

    EventDispatcher() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Threads.named("dialplane-ami-events"));
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    Ami.Subscription subscribe(AmiListener listener) {
        Subscriber subscriber = new Subscriber(listener);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Called on the reader thread: only enqueues. */
    void publish(AmiEvent event) {
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    @Override
    public void close() {
        subscribers.clear();
        workers.shutdownNow();
    }

    private final class Subscriber {
        private final AmiListener listener;
        private final BlockingQueue<AmiEvent> backlog = new ArrayBlockingQueue<>(BACKLOG);
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicLong dropped = new AtomicLong();

        Subscriber(AmiListener listener) {
            this.listener = listener;
        }

        void offer(AmiEvent event) {
            while (!backlog.offer(event)) {
                backlog.poll();
                long total = dropped.incrementAndGet();
                if (total == 1 || total % 1000 == 0) {
                    LOG.warn("AMI event listener {} is too slow: {} events dropped so far", listener, total);
                }
            }
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    workers.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    scheduled.set(false);
                }
            }
        }

        private void drain() {
            try {
                AmiEvent event;
                while (subscribers.contains(this) && (event = backlog.poll()) != null) {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        LOG.warn("AMI event listener {} failed on {}", listener, event.name(), e);
                    }
                }
            } finally {
                scheduled.set(false);
            }
            if (!backlog.isEmpty() && subscribers.contains(this)) {
                schedule();
            }
        }
    }
}
