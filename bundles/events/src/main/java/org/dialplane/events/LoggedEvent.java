package org.dialplane.events;

import java.util.Set;

import org.dialplane.events.api.PbxEvent;

/**
 * An event as the stream keeps it: with its number (its id, as a number to compare), its JSON written once for
 * every SSE client, and whom it concerns.
 *
 * @param number   increasing within this process and larger than every one of an earlier run (see {@link EventLog})
 * @param json     the event's {@code data} as JSON
 * @param concerns what the event concerns: extension numbers and {@code tenant:<id>} (a tenant's caller sees it
 *                 when one is its extension or its tenant), or null when every caller sees it
 */
record LoggedEvent(long number, PbxEvent event, String json, Set<String> concerns) {

    String type() {
        return event.type();
    }

    /** Whether a caller who sees {@code extensions} (null: a global caller, who sees all) sees this event. */
    boolean visibleTo(Set<String> extensions) {
        return extensions == null || concerns == null || concerns.stream().anyMatch(extensions::contains);
    }
}
