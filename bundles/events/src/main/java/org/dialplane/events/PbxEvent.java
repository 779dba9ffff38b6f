package org.dialplane.events;

import java.util.Map;
import java.util.Set;

/**
 * One event of the stream, as clients receive it: {@code id:} the sequence number, {@code event:} the type and
 * {@code data:} the JSON of {@code data}.
 *
 * @param id       increasing within this process and larger than every id of an earlier run (see {@link EventLog})
 * @param type     one of {@link PbxEvents#TYPES}
 * @param json     {@code data} as JSON, written once for every client
 * @param concerns the numbers the event concerns (a tenant sees it when one is its extension), or null when every
 *                 caller sees it
 */
record PbxEvent(long id, String type, String json, Set<String> concerns) {

    /** Whether a caller who sees {@code extensions} (null: a global caller, who sees all) sees this event. */
    boolean visibleTo(Set<String> extensions) {
        return extensions == null || concerns == null || concerns.stream().anyMatch(extensions::contains);
    }

    /** An event before it has its id and its JSON. */
    record Draft(String type, Map<String, Object> data, Set<String> concerns) {
    }
}
