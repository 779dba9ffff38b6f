package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void idsCountUpFromTheStartTimeSoEarlierRunsAreOlder() {
        EventLog earlier = new EventLog(10, 1_000);
        EventLog log = new EventLog(10, 2_000);
        PbxEvent old = earlier.append("call.started", "{}", null);
        PbxEvent first = log.append("call.started", "{}", null);
        PbxEvent second = log.append("call.hangup", "{}", null);
        assertEquals(2_000_001, first.id());
        assertEquals(first.id() + 1, second.id());
        assertEquals(List.of(first, second), log.after(old.id()), "an id of an earlier run gets everything kept");
    }

    @Test
    void onlyTheNewestAreKept() {
        EventLog log = new EventLog(3, 0);
        for (int i = 0; i < 5; i++) {
            log.append("call.started", "{\"n\":" + i + "}", null);
        }
        List<PbxEvent> kept = log.after(0);
        assertEquals(3, kept.size());
        assertEquals("{\"n\":2}", kept.get(0).json());
        assertEquals(List.of(kept.get(2)), log.after(kept.get(1).id()));
        assertTrue(log.after(log.lastId()).isEmpty());
    }
}
