package org.dialplane.core.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An AMI action to send: a name and ordered fields. Every name and value is stripped of CR and LF when
 * added, so no caller can inject extra lines or actions into the AMI stream.
 *
 * <pre>
 * AmiAction.of("QueuePause").with("Interface", "SIP/100").with("Paused", "true")
 * AmiAction.of("CoreShowChannels").collecting("CoreShowChannelsComplete")
 * </pre>
 *
 * An {@code ActionID} field becomes the action's ActionID: events that answer it later (such as the
 * {@code OriginateResponse} of an async {@code Originate}) carry it back in their {@code ActionID} field.
 */
public final class AmiAction {
    private final String name;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private String completeEvent;

    private AmiAction(String name) {
        this.name = requireName(name);
    }

    public static AmiAction of(String name) {
        return new AmiAction(name);
    }

    /** Adds a field; a null value is skipped. */
    public AmiAction with(String field, Object value) {
        if (value != null) {
            fields.add(Map.entry(requireName(field), strip(value.toString())));
        }
        return this;
    }

    /** Adds channel variables as one {@code Variable: a=1,b=2} field (Asterisk splits it on commas). */
    public AmiAction withVariables(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return this;
        }
        StringJoiner joined = new StringJoiner(",");
        variables.forEach((key, value) -> joined.add(strip(key) + "=" + strip(value == null ? "" : value)));
        return with("Variable", joined.toString());
    }

    /**
     * Marks this action as one answered by events ending with the named event (for example
     * {@code CoreShowChannelsComplete} or {@code OriginateResponse}): the response then carries them.
     */
    public AmiAction collecting(String completeEventName) {
        this.completeEvent = requireName(completeEventName);
        return this;
    }

    public String name() {
        return name;
    }

    public List<Map.Entry<String, String>> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The event that completes this action's event list, or null for a plain action. */
    public String completeEvent() {
        return completeEvent;
    }

    /** Removes CR and LF: a value sent to AMI is always a single line. */
    public static String strip(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\r", "").replace("\n", "");
    }

    private static String requireName(String name) {
        if (name == null || strip(name).isBlank()) {
            throw new IllegalArgumentException("an AMI action or field name must not be empty");
        }
        String clean = strip(name).strip();
        if (clean.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an AMI name must not contain ':': " + clean);
        }
        return clean;
    }

    @Override
    public String toString() {
        return name + fields;
    }
}
