package org.dialplane.events;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;

/**
 * The last events, so that a client that reconnects with {@code Last-Event-ID} misses nothing that is still here.
 * Ids start at the start time in microseconds and count up: an id from an earlier run of the process is always
 * older than every id of this one, so such a client gets everything kept. Not thread-safe: {@link EventStream}
 * holds its lock around every use.
 */
final class EventLog {
    private final ArrayDeque<PbxEvent> kept;
    private final int capacity;
    private long lastId;

    EventLog(int capacity, long startMillis) {
        this.capacity = capacity;
        this.kept = new ArrayDeque<>(capacity);
        this.lastId = startMillis * 1000;
    }

    PbxEvent append(String type, String json, Set<String> concerns) {
        PbxEvent event = new PbxEvent(++lastId, type, json, concerns);
        if (kept.size() == capacity) {
            kept.removeFirst();
        }
        kept.addLast(event);
        return event;
    }

    /** The kept events after {@code id}, oldest first. */
    List<PbxEvent> after(long id) {
        return kept.stream().filter(event -> event.id() > id).toList();
    }

    long lastId() {
        return lastId;
    }
}
