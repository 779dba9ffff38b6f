package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.ami.AmiState;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.events.api.EventSource;
import org.dialplane.events.api.PbxEvent;
import org.dialplane.events.api.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final Caller ADMIN = new Caller("admin", 1, "DEFAULT", true, false);
    private static final Caller TENANT = new Caller("crm", 7, "DEVEL", false, true);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private final FakePbx pbx = new FakePbx();
    private EventStream events = stream(256, 1000, 5000);

    @AfterEach
    void stop() {
        events.stop();
    }

    @Test
    void whenListenerSubscribed_thenReceivesOnlyItsTenantsEvents() throws Exception {
        Recorder tenant = new Recorder();
        Recorder admin = new Recorder();
        events.subscribe(null, TENANT, null, tenant);
        events.subscribe(Set.of(), ADMIN, null, admin);

        pbx.callStarted("403", "other.1");
        pbx.callStarted("402", "own.1");
        pbx.applied();

        PbxEvent own = tenant.next();
        assertEquals("own.1", own.data().get("uniqueid"), "the other tenant's call is not told");
        assertEquals("call.started", own.type());
        assertEquals(CLOCK.instant(), own.time());
        assertEquals("config.applied", tenant.next().type(), "every caller hears of applies");
        assertEquals(List.of("other.1", "own.1"), admin.until("own.1").stream()
                .map(event -> event.data().get("uniqueid")).toList());
    }

    @Test
    void whenTypesGiven_thenOnlyThoseAreDelivered() throws Exception {
        Recorder hangups = new Recorder();
        events.subscribe(Set.of("call.hangup"), ADMIN, null, hangups);

        pbx.callStarted("402", "1.1");
        pbx.hangup("402", "1.1");

        PbxEvent hangup = hangups.next();
        assertEquals("call.hangup", hangup.type());
        assertEquals("16", hangup.data().get("cause"));
    }

    @Test
    void whenListenerFallsBacklogBehind_thenItIsClosedAndOthersKeepReceiving() throws Exception {
        events = stream(256, 5, 5000);
        CountDownLatch release = new CountDownLatch(1);
        Recorder slow = new Recorder(release);
        Recorder quick = new Recorder();
        events.subscribe(null, ADMIN, null, slow);
        events.subscribe(null, ADMIN, null, quick);

        pbx.callStarted("402", "slow.0");
        assertTrue(slow.holding.await(Recorder.WAIT_SECONDS, TimeUnit.SECONDS), "the slow listener is stuck");
        List<PbxEvent> received = new java.util.ArrayList<>(quick.until("slow.0"));
        // In batches smaller than the backlog, each taken by the quick listener before the next: only the slow one
        // falls behind. Telling returns at once although the slow listener is stuck.
        for (int batch = 0; batch < 5; batch++) {
            for (int i = 1; i <= 4; i++) {
                pbx.callStarted("402", "slow." + (batch * 4 + i));
            }
            received.addAll(quick.until("slow." + (batch * 4 + 4)));
        }

        assertEquals(21, received.size(), "the quick listener got every event meanwhile");
        assertFalse(slow.closed.isDone(), "closed when its listener returns, not from under it");
        release.countDown();
        assertEquals("fell 5 events behind", slow.awaitClosed());
        assertTrue(slow.events.size() <= 6, "the slow listener got no more than its backlog: " + slow.events.size());
        pbx.callStarted("402", "after");
        assertEquals("after", quick.next().data().get("uniqueid"));
        assertEquals(1, slow.closings.size(), "told once");
    }

    @Test
    void whenLastEventIdGiven_thenMissedEventsReplayedFirst() throws Exception {
        Recorder first = new Recorder();
        Subscription subscription = events.subscribe(null, ADMIN, null, first);
        pbx.callStarted("402", "seen");
        String last = first.next().id();
        subscription.close();
        assertEquals("closed by its subscriber", first.awaitClosed());

        pbx.callStarted("402", "missed.1");
        pbx.callStarted("402", "missed.2");
        Recorder again = new Recorder();
        events.subscribe(null, ADMIN, last, again);
        pbx.callStarted("402", "live");

        assertEquals(List.of("missed.1", "missed.2", "live"), again.until("live").stream()
                .map(event -> event.data().get("uniqueid")).toList());
        assertTrue(first.events.isEmpty(), "a closed subscription gets nothing more");
    }

    @Test
    void whenSinceAsked_thenKeptEventsTheCallerSeesAfterTheId() {
        pbx.callStarted("402", "a");
        pbx.callStarted("403", "b");
        pbx.callStarted("402", "c");

        List<PbxEvent> all = events.since(null, TENANT);
        assertEquals(List.of("a", "c"), all.stream().map(event -> event.data().get("uniqueid")).toList());
        assertEquals(List.of("c"), events.since(all.get(0).id(), TENANT).stream()
                .map(event -> event.data().get("uniqueid")).toList());
        assertEquals(3, events.since(null, ADMIN).size());
    }

    @Test
    void whenTypeUnknownOrIdNotOurs_then422ForTheTypeAnd400ForTheId() {
        ApiException unknown = assertThrows(ApiException.class,
                () -> events.subscribe(Set.of("call.started", "calls"), ADMIN, null, new Recorder()));
        assertEquals(422, unknown.problem().status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> events.subscribe(null, ADMIN, "yesterday", new Recorder())).problem().status());
        assertEquals(400, assertThrows(ApiException.class, () -> events.since("x", ADMIN)).problem().status());
        assertEquals(Set.copyOf(PbxEvents.TYPES), events.types());
        assertNull(EventStream.number(" "));
    }

    @Test
    void whenAmiIsDown_then503AndOpenSubscriptionsStay() throws Exception {
        Recorder open = new Recorder();
        events.subscribe(null, ADMIN, null, open);
        pbx.state = AmiState.DISCONNECTED;

        ApiException down = assertThrows(ApiException.class,
                () -> events.subscribe(null, ADMIN, null, new Recorder()));
        assertEquals(503, down.problem().status());
        pbx.state = AmiState.CONNECTED;
        pbx.callStarted("402", "back");
        assertEquals("back", open.next().data().get("uniqueid"));
    }

    @Test
    void whenTooManySubscriptions_then503UntilOneCloses() throws Exception {
        events = stream(1, 1000, 5000);
        Recorder one = new Recorder();
        Subscription first = events.subscribe(null, ADMIN, null, one);
        assertEquals(503, assertThrows(ApiException.class,
                () -> events.subscribe(null, ADMIN, null, new Recorder())).problem().status());

        first.close();
        one.awaitClosed();
        Recorder next = new Recorder();
        events.subscribe(null, ADMIN, null, next); // the closed one's place is free once it was told
        pbx.applied();
        assertEquals("config.applied", next.next().type());
    }

    @Test
    void whenListenerThrows_thenItIsClosedWithTheReason() throws Exception {
        Recorder told = new Recorder();
        events.subscribe(null, ADMIN, null, new org.dialplane.events.api.EventListener() {
            @Override
            public void event(PbxEvent event) {
                throw new IllegalStateException("CRM down");
            }

            @Override
            public void closed(String reason) {
                told.closed(reason);
            }
        });
        pbx.applied();

        assertTrue(told.awaitClosed().contains("CRM down"), told.closings.toString());
    }

    @Test
    void whenServiceStops_thenListenersAreClosedAndAmiLeft() throws Exception {
        Recorder open = new Recorder();
        events.subscribe(null, ADMIN, null, open);

        events.stop();

        assertEquals("the event service stopped", open.awaitClosed());
        assertEquals(0, pbx.subscribers());
        assertEquals(503, assertThrows(ApiException.class,
                () -> events.subscribe(null, ADMIN, null, new Recorder())).problem().status());
    }

    @Test
    void whenBundlePublishesForATenant_thenThatTenantAndGlobalCallersHearIt() throws Exception {
        EventSource crm = () -> Set.of("crm.note");
        assertThrows(IllegalArgumentException.class,
                () -> events.publish("crm.note", 7, Map.of("mailbox", "402")), "undeclared type");
        events.addSource(crm);
        assertTrue(events.types().contains("crm.note"));
        Recorder tenant = new Recorder();
        Recorder other = new Recorder();
        Recorder admin = new Recorder();
        events.subscribe(Set.of("crm.note"), TENANT, null, tenant);
        events.subscribe(Set.of("crm.note"), new Caller("other", 8, "OTHER", false, false), null, other);
        events.subscribe(null, ADMIN, null, admin);

        events.publish("crm.note", 8, Map.of("mailbox", "500"));
        events.publish("crm.note", 7, Map.of("mailbox", "402"));

        PbxEvent own = tenant.next();
        assertEquals(List.of("type", "time", "mailbox"), List.copyOf(own.data().keySet()));
        assertEquals("402", own.data().get("mailbox"), "the other tenant's note is not told");
        assertEquals("500", other.next().data().get("mailbox"));
        assertEquals("500", admin.next().data().get("mailbox"));
        assertEquals("402", admin.next().data().get("mailbox"));
        assertThrows(IllegalArgumentException.class, () -> events.publish("call.hangup", 7, Map.of()),
                "a bundle may not forge the stream's own events");

        events.removeSource(crm);
        assertFalse(events.types().contains("crm.note"));
        assertEquals(422, assertThrows(ApiException.class, () -> events.subscribe(Set.of("crm.note"), ADMIN,
                null, new Recorder())).problem().status());
    }

    private EventStream stream(int maxClients, int backlog, int kept) {
        if (events != null) {
            events.stop();
        }
        return new EventStream(pbx, pbx, caller -> caller.global() ? null : Set.of("402"),
                FakePbx.config(maxClients, backlog, kept), CLOCK);
    }
}
