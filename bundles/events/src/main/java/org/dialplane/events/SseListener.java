package org.dialplane.events;

import java.util.concurrent.CompletionException;

import org.dialplane.events.api.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Writes a subscription's events to one SSE client. Each write waits until it is done, on the subscription's own
 * thread: a client that cannot keep up then falls behind its backlog and is closed, as any slow listener is.
 */
final class SseListener implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(SseListener.class);
    /** How long a browser's EventSource waits before it reconnects. */
    private static final long RECONNECT_MILLIS = 2000;

    private final SseEventSink sink;
    private final Sse sse;

    SseListener(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void opened() {
        send(sse.newEventBuilder().comment("connected").reconnectDelay(RECONNECT_MILLIS).build());
    }

    @Override
    public void event(PbxEvent event, String json) {
        send(sse.newEventBuilder().id(event.id()).name(event.type()).data(String.class, json).build());
    }

    @Override
    public void event(PbxEvent event) {
        try {
            event(event, EventStream.json(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + event.type() + " event as JSON", e);
        }
    }

    @Override
    public void quiet() {
        send(sse.newEventBuilder().comment("keep-alive").build());
    }

    @Override
    public void closed(String reason) {
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            LOG.trace("closing a finished event stream", alreadyGone);
        }
    }

    private void send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            throw new IllegalStateException("the client went away");
        }
        try {
            sink.send(event).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot write to the client", e.getCause());
        }
    }
}
