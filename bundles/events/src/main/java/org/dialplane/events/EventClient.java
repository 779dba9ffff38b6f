package org.dialplane.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * One connected client. It has a thread of its own because writing to a slow client blocks: only that thread
 * waits, while {@link #offer} (on the AMI event thread) never does. A client that falls a whole backlog behind is
 * disconnected; a reconnecting EventSource sends {@code Last-Event-ID} and gets what it missed from the log.
 */
final class EventClient implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EventClient.class);
    /** How long a tenant's set of extensions is trusted before it is read again. */
    private static final Duration EXTENSIONS_FRESH = Duration.ofSeconds(30);

    private final SseEventSink sink;
    private final Sse sse;
    private final Set<String> types;
    private final Supplier<Set<String>> readExtensions;
    private final BlockingQueue<PbxEvent> backlog;
    private final Duration keepAlive;
    private volatile List<PbxEvent> replay = List.of();
    private volatile boolean overflowed;
    private volatile Thread thread;
    private volatile Runnable onEnd = () -> { };
    private Set<String> extensions;
    private long extensionsReadNanos;

    /**
     * @param types          the event types wanted, or null for all
     * @param readExtensions the caller's extensions (null for a global caller), read again now and then
     */
    EventClient(SseEventSink sink, Sse sse, Set<String> types, Supplier<Set<String>> readExtensions, int backlog,
            Duration keepAlive) {
        this.sink = sink;
        this.sse = sse;
        this.types = types;
        this.readExtensions = readExtensions;
        this.backlog = new ArrayBlockingQueue<>(backlog);
        this.keepAlive = keepAlive;
        this.extensions = readExtensions.get();
        this.extensionsReadNanos = System.nanoTime();
    }

    /** Never blocks: a full backlog marks this client as too slow, and its thread then ends it. */
    void offer(PbxEvent event) {
        if (wants(event) && !backlog.offer(event)) {
            overflowed = true;
        }
    }

    boolean wants(PbxEvent event) {
        return types == null || types.contains(event.type());
    }

    /** Starts sending, first the kept events the client asked for, on a thread of its own. */
    void start(List<PbxEvent> missed, String threadName, Runnable whenEnded) {
        this.replay = missed;
        this.onEnd = whenEnded;
        Thread sender = new Thread(this, threadName);
        sender.setDaemon(true);
        this.thread = sender;
        sender.start();
    }

    void close() {
        Thread sender = thread;
        if (sender != null) {
            sender.interrupt();
        }
    }

    @Override
    public void run() {
        try {
            send(sse.newEventBuilder().comment("connected").reconnectDelay(2000).build());
            for (PbxEvent event : replay) {
                deliver(event);
            }
            replay = List.of();
            while (!sink.isClosed() && !Thread.currentThread().isInterrupted()) {
                if (overflowed) {
                    LOG.info("an event stream client fell {} events behind and was disconnected", backlog.size());
                    break;
                }
                PbxEvent event = backlog.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    send(sse.newEventBuilder().comment("keep-alive").build()); // also finds clients that left
                } else {
                    deliver(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException gone) {
            LOG.debug("an event stream client went away: {}", gone.toString());
        } finally {
            onEnd.run();
            try {
                sink.close();
            } catch (RuntimeException alreadyGone) {
                LOG.trace("closing a finished event stream", alreadyGone);
            }
        }
    }

    private void deliver(PbxEvent event) {
        if (wants(event) && event.visibleTo(extensions())) {
            send(sse.newEventBuilder().id(Long.toString(event.id())).name(event.type())
                    .data(String.class, event.json()).build()); // JSON already, written once for all clients
        }
    }

    /** Extensions added to the tenant after the client connected count too, within {@link #EXTENSIONS_FRESH}. */
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

    private void send(OutboundSseEvent event) {
        try {
            sink.send(event).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot write to the client", e.getCause());
        }
    }
}
