package org.dialplane.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.dialplane.events.api.EventListener;
import org.dialplane.events.api.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription, an SSE client's or an in-process listener's. It has a thread of its own because a listener may
 * be slow (writing to a slow client blocks): only that thread waits, while {@link #offer} (on the AMI event thread)
 * never does. A listener that falls a whole backlog behind is closed; a reconnecting EventSource sends
 * {@code Last-Event-ID} and gets what it missed from the log.
 */
final class Subscriber implements Runnable, Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    /** How long a tenant's set of extensions is trusted before it is read again. */
    private static final Duration EXTENSIONS_FRESH = Duration.ofSeconds(30);

    private final EventListener listener;
    /** The same listener when it is the SSE adapter, else null. */
    private final StreamListener stream;
    private final Set<String> types;
    private final Supplier<Set<String>> readExtensions;
    private final BlockingQueue<LoggedEvent> backlog;
    private final int backlogSize;
    private final Duration keepAlive;
    private volatile List<LoggedEvent> replay = List.of();
    private volatile boolean overflowed;
    private volatile String closedBecause;
    private volatile Thread thread;
    private volatile Runnable onEnd = () -> { };
    private Set<String> extensions;
    private long extensionsReadNanos;

    /**
     * @param types          the event types wanted, or null for all
     * @param readExtensions the caller's extensions (null for a global caller), read again now and then
     */
    Subscriber(EventListener listener, Set<String> types, Supplier<Set<String>> readExtensions, int backlog,
            Duration keepAlive) {
        this.listener = listener;
        this.stream = listener instanceof StreamListener sse ? sse : null;
        this.types = types;
        this.readExtensions = readExtensions;
        this.backlog = new ArrayBlockingQueue<>(backlog);
        this.backlogSize = backlog;
        this.keepAlive = keepAlive;
        this.extensions = readExtensions.get();
        this.extensionsReadNanos = System.nanoTime();
    }

    /** Never blocks: a full backlog marks this listener as too slow, and its thread then ends it. */
    void offer(LoggedEvent event) {
        if (wants(event) && !backlog.offer(event)) {
            overflowed = true;
        }
    }

    /** Whether this is an SSE client rather than an in-process listener. */
    boolean isStream() {
        return stream != null;
    }

    private boolean wants(LoggedEvent event) {
        return types == null || types.contains(event.type());
    }

    /** Starts delivering, first the kept events the listener asked for, on a thread of its own. */
    void start(List<LoggedEvent> missed, String threadName, Runnable whenEnded) {
        this.replay = missed;
        this.onEnd = whenEnded;
        Thread sender = new Thread(this, threadName);
        sender.setDaemon(true);
        this.thread = sender;
        sender.start();
        if (closedBecause != null) { // closed while starting: close() may not have seen the thread
            sender.interrupt();
        }
    }

    @Override
    public void close() {
        close("closed by its subscriber");
    }

    void close(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
        Thread sender = thread;
        if (sender != null) {
            sender.interrupt();
        }
    }

    @Override
    public void run() {
        String reason = null;
        try {
            if (stream != null) {
                stream.opened();
            }
            for (LoggedEvent event : replay) {
                deliver(event);
            }
            replay = List.of();
            while (!Thread.currentThread().isInterrupted()) {
                if (overflowed) {
                    reason = "fell " + backlogSize + " events behind";
                    LOG.info("an event listener {} and was closed", reason);
                    break;
                }
                LoggedEvent event = backlog.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (event != null) {
                    deliver(event);
                } else if (stream != null) {
                    stream.quiet(); // also finds clients that left
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            reason = "failed: " + failed;
            if (stream != null) {
                LOG.debug("an event stream client went away: {}", failed.toString());
            } else if (closedBecause == null) {
                LOG.warn("an event listener failed and was closed", failed);
            }
        } finally {
            onEnd.run();
            end(closedBecause != null ? closedBecause : reason != null ? reason : "closed");
        }
    }

    private void end(String reason) {
        try {
            listener.closed(reason);
        } catch (RuntimeException e) {
            LOG.debug("an event listener failed while being closed: {}", e.toString());
        }
    }

    private void deliver(LoggedEvent event) {
        if (wants(event) && event.visibleTo(extensions())) {
            if (stream != null) {
                stream.event(event.event(), event.json());
            } else {
                listener.event(event.event());
            }
        }
    }

    /** Extensions added to the tenant after the listener subscribed count too, within {@link #EXTENSIONS_FRESH}. */
    private Set<String> extensions() {
        if (extensions != null && System.nanoTime() - extensionsReadNanos > EXTENSIONS_FRESH.toNanos()) {
            try {
                extensions = readExtensions.get();
            } catch (RuntimeException e) {
                LOG.warn("cannot read a tenant's extensions for its event stream; keeping the last ones: {}", e.toString());
            }
            extensionsReadNanos = System.nanoTime();
        }
        return extensions;
    }
}
