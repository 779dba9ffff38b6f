package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.dialplane.events.api.EventListener;
import org.dialplane.events.api.PbxEvent;

/** A listener that keeps what it is told, and can be held up inside {@link #event} to play a slow one. */
final class Recorder implements EventListener {
    static final long WAIT_SECONDS = 5;

    final BlockingQueue<PbxEvent> events = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final List<String> closings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CountDownLatch release;
    final CountDownLatch holding = new CountDownLatch(1);

    Recorder() {
        this(null);
    }

    /** @param release when not null, every event waits for it before it returns */
    Recorder(CountDownLatch release) {
        this.release = release;
    }

    @Override
    public void event(PbxEvent event) {
        events.add(event);
        if (release != null) {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void closed(String reason) {
        closings.add(reason);
        closed.complete(reason);
    }

    /** The next event, waiting for it up to a deadline. */
    PbxEvent next() throws InterruptedException {
        PbxEvent event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no event within " + WAIT_SECONDS + " s");
        return event;
    }

    /** Events until one about {@code uniqueid}, that one included. */
    List<PbxEvent> until(String uniqueid) throws InterruptedException {
        List<PbxEvent> seen = new ArrayList<>();
        PbxEvent event;
        do {
            event = next();
            seen.add(event);
        } while (!uniqueid.equals(event.data().get("uniqueid")));
        return seen;
    }

    String awaitClosed() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
