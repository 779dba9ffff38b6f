package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void whenEventsAppended_thenIdsCountUpFromTheStartTimeSoEarlierRunsAreOlder() {
        EventLog earlier = new EventLog(10, 1_000);
        EventLog log = new EventLog(10, 2_000);
        LoggedEvent old = earlier.append(draft("call.started"), "{}");
        LoggedEvent first = log.append(draft("call.started"), "{}");
        LoggedEvent second = log.append(draft("call.hangup"), "{}");
        assertEquals(2_000_001, first.number());
        assertEquals("2000001", first.event().id(), "the id listeners see is the number");
        assertEquals(first.number() + 1, second.number());
        assertEquals(List.of(first, second), log.after(old.number()), "an id of an earlier run gets everything kept");
    }

    @Test
    void whenTheLogIsFull_thenOnlyTheNewestAreKept() {
        EventLog log = new EventLog(3, 0);
        for (int i = 0; i < 5; i++) {
            log.append(draft("call.started"), "{\"n\":" + i + "}");
        }
        List<LoggedEvent> kept = log.after(0);
        assertEquals(3, kept.size());
        assertEquals("{\"n\":2}", kept.get(0).json());
        assertEquals(List.of(kept.get(2)), log.after(kept.get(1).number()));
        assertTrue(log.after(log.lastId()).isEmpty());
    }

    @Test
    void whenEventLogged_thenListenersGetItsDataUnmodifiableAndInOrder() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "call.hangup");
        data.put("time", NOW.toString());
        data.put("cause", null);
        LoggedEvent logged = new EventLog(3, 0).append(new PbxEvents.Draft("call.hangup", NOW, data, Set.of("402")),
                "{}");
        data.put("later", "change");

        assertEquals(List.of("type", "time", "cause"), List.copyOf(logged.event().data().keySet()));
        assertEquals(NOW, logged.event().time());
        assertThrows(UnsupportedOperationException.class, () -> logged.event().data().put("x", 1));
    }

    private static PbxEvents.Draft draft(String type) {
        return new PbxEvents.Draft(type, NOW, new LinkedHashMap<>(Map.of("type", type)), null);
    }
}
