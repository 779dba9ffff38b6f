package org.dialplane.events;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

import org.dialplane.events.api.PbxEvent;

/**
 * The last events, so that a client that reconnects with {@code Last-Event-ID} misses nothing that is still here.
 * Ids start at the start time in microseconds and count up: an id from an earlier run of the process is always
 * older than every id of this one, so such a client gets everything kept. Not thread-safe: {@link EventStream}
 * holds its lock around every use.
 */
final class EventLog {
    private final ArrayDeque<LoggedEvent> kept;
    private final int capacity;
    private long lastId;

    EventLog(int capacity, long startMillis) {
        this.capacity = capacity;
        this.kept = new ArrayDeque<>(capacity);
        this.lastId = startMillis * 1000;
    }

    /** Numbers the draft, whose data {@code json} already is, and keeps it. */
    LoggedEvent append(PbxEvents.Draft draft, String json) {
        long number = ++lastId;
        // Not Map.copyOf: values may be null, and the order is the one clients see.
        PbxEvent event = new PbxEvent(Long.toString(number), draft.type(), draft.time(),
                Collections.unmodifiableMap(new LinkedHashMap<>(draft.data())));
        LoggedEvent logged = new LoggedEvent(number, event, json, draft.concerns());
        if (kept.size() == capacity) {
            kept.removeFirst();
        }
        kept.addLast(logged);
        return logged;
    }

    /** The kept events after {@code id}, oldest first. */
    List<LoggedEvent> after(long id) {
        return kept.stream().filter(event -> event.number() > id).toList();
    }

    long lastId() {
        return lastId;
    }
}
