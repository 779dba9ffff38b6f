package org.dialplane.core.ami;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AMI event: its name (such as {@code Hangup} or {@code CoreShowChannel}) and its fields. Field lookups
 * ignore case, as AMI does ({@code Uniqueid}, {@code UniqueId} and {@code uniqueid} are the same field).
 */
public final class AmiEvent {
    private final String name;
    private final Map<String, String> fields;

    public AmiEvent(String name, Map<String, String> fields) {
        this.name = name;
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(fields);
        this.fields = Collections.unmodifiableMap(sorted);
    }

    public String name() {
        return name;
    }

    public boolean is(String eventName) {
        return name.equalsIgnoreCase(eventName);
    }

    /** A field's value, or null. */
    public String get(String field) {
        return fields.get(field);
    }

    /** All fields, with case-insensitive keys. */
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return name + fields;
    }
}
