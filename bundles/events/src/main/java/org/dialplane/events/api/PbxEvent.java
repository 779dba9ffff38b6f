package org.dialplane.events.api;

import java.time.Instant;
import java.util.Map;

/**
 * One event, as {@code /pbxapi/events} sends it: {@code id:} is {@link #id}, {@code event:} is {@link #type} and
 * {@code data:} is the JSON of {@link #data}.
 *
 * @param id   opaque to listeners; pass the last one received to {@link EventService#subscribe} or
 *             {@link EventService#since} to get what came after it
 * @param type one of {@link EventService#types()}
 * @param time when the event happened here, also in {@code data} as {@code time}
 * @param data the event's fields, unmodifiable and in the order they are sent; always with {@code type} and
 *             {@code time}, and values that may be null
 */
public record PbxEvent(String id, String type, Instant time, Map<String, Object> data) {
}
