package org.dialplane.events;

import org.dialplane.events.api.EventListener;
import org.dialplane.events.api.PbxEvent;

/**
 * What the SSE adapter needs beyond an {@link EventListener}, from the implementation in its own bundle: the JSON
 * written once for every client instead of once per client, and calls to write the opening and keep-alive
 * comments on the subscription's thread (a write to a slow client blocks, and only that thread may wait).
 */
interface StreamListener extends EventListener {
    /** First, before any event. */
    void opened();

    /** Instead of {@link #event(PbxEvent)}: {@code json} is the event's data as JSON. */
    void event(PbxEvent event, String json);

    /** Nothing happened for the keep-alive interval. */
    void quiet();
}
