package org.dialplane.core.ami;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response to an action: {@code Success} or {@code Error}, its message and fields, the output lines of
 * a {@code Command}, and the events of an event-list action (without the completing event's own list
 * markers, which are in {@link #completion()}).
 */
public final class AmiResponse {
    private final boolean success;
    private final String message;
    private final Map<String, String> fields;
    private final List<String> output;
    private final List<AmiEvent> events;
    private final AmiEvent completion;

    public AmiResponse(boolean success, String message, Map<String, String> fields, List<String> output,
            List<AmiEvent> events, AmiEvent completion) {
        this.success = success;
        this.message = message;
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(fields);
        this.fields = Collections.unmodifiableMap(sorted);
        this.output = List.copyOf(output);
        this.events = List.copyOf(events);
        this.completion = completion;
    }

    /** True for {@code Response: Success} (and {@code Goodbye}/{@code Follows}), false for {@code Error}. */
    public boolean success() {
        return success;
    }

    public String message() {
        return message;
    }

    public String get(String field) {
        return fields.get(field);
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The output lines of a {@code Command} action. */
    public List<String> output() {
        return output;
    }

    /** The events of an event-list action, in order, without the completing event. */
    public List<AmiEvent> events() {
        return events;
    }

    /** The event that completed an event-list action, or null. */
    public AmiEvent completion() {
        return completion;
    }

    @Override
    public String toString() {
        return (success ? "Success" : "Error") + " " + message + " " + fields + (events.isEmpty() ? ""
                : " events=" + events);
    }
}
