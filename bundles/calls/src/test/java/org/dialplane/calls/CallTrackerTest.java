package org.dialplane.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class CallTrackerTest {
    private final MutableClock clock = new MutableClock();
    private final CallTracker tracker = new CallTracker(Duration.ofHours(1), 3, clock);

    @Test
    void whenOriginateResponseHasAReasonCode_thenItBecomesAnOutcome() {
        assertEquals("answered", TrackedCall.outcome("Success", "4"));
        assertEquals("busy", TrackedCall.outcome("Failure", "5"));
        assertEquals("no answer", TrackedCall.outcome("Failure", "3"));
        assertEquals("no answer", TrackedCall.outcome("Failure", "1"));
        assertEquals("failed", TrackedCall.outcome("Failure", "0"));
        assertEquals("failed", TrackedCall.outcome("Failure", "8"));
        assertEquals("failed", TrackedCall.outcome("Failure", null));
    }

    @Test
    void whenOriginateResponseAndHangupArrive_thenTheCallIsComplete() {
        tracker.add("c1", 1, "402", "100");
        tracker.onEvent(event("OriginateResponse", "ActionID", "c1", "Response", "Success", "Reason", "4",
                "Channel", "SIP/402-00000001", "Uniqueid", "17.1"));
        tracker.onEvent(event("Hangup", "Channel", "SIP/402-00000001", "Uniqueid", "17.1", "Cause", "16"));

        Map<String, Object> call = tracker.find("c1", 1L).orElseThrow();
        assertEquals("answered", call.get("status"));
        assertEquals("SIP/402-00000001", call.get("channel"));
        assertEquals("16", call.get("hangup_cause"));
        assertNotNull(call.get("ended"));
    }

    @Test
    void whenChannelCreatedUnderTheCallId_thenItIsTheCallsChannel() {
        tracker.add("c1", 1, "402", "100");
        tracker.onEvent(event("Newchannel", "Channel", "PJSIP/402-00000002", "Uniqueid", "c1"));
        assertEquals("PJSIP/402-00000002", tracker.channelOf("c1", null).orElseThrow()[0]);
    }

    @Test
    void whenAnotherTenantLooks_thenItDoesNotSeeTheCall() {
        tracker.add("c1", 1, "402", "100");
        assertTrue(tracker.find("c1", 2L).isEmpty());
        assertTrue(tracker.find("c1", null).isPresent());
    }

    @Test
    void whenBeyondCapacityOrExpired_thenTheOldestCallsAreDropped() {
        tracker.add("c1", 1, "402", "100");
        clock.advance(Duration.ofMinutes(30));
        tracker.add("c2", 1, "402", "100");
        tracker.add("c3", 1, "402", "100");
        tracker.add("c4", 1, "402", "100");
        assertTrue(tracker.find("c1", null).isEmpty(), "beyond capacity");
        assertEquals(3, tracker.size());
        clock.advance(Duration.ofMinutes(61));
        assertTrue(tracker.find("c4", null).isEmpty(), "expired");
        assertEquals(0, tracker.size());
    }

    private static AmiEvent event(String name, String... fields) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return new AmiEvent(name, map);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
