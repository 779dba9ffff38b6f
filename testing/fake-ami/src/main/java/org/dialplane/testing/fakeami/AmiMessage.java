package org.dialplane.testing.fakeami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One AMI message (an action, a response or an event): ordered {@code Name: value} lines. Lookups ignore
 * the case of names, as Asterisk does.
 */
public final class AmiMessage {
    private final List<Map.Entry<String, String>> lines = new ArrayList<>();

    public static AmiMessage response(String response, AmiMessage action) {
        AmiMessage message = new AmiMessage().with("Response", response);
        String actionId = action == null ? null : action.get("ActionID");
        return actionId == null ? message : message.with("ActionID", actionId);
    }

    public static AmiMessage success(AmiMessage action, String message) {
        return response("Success", action).with("Message", message);
    }

    public static AmiMessage error(AmiMessage action, String message) {
        return response("Error", action).with("Message", message);
    }

    /** An event; when {@code action} is given it carries the action's ActionID (an event list item). */
    public static AmiMessage event(String name, AmiMessage action) {
        AmiMessage event = new AmiMessage().with("Event", name);
        String actionId = action == null ? null : action.get("ActionID");
        return actionId == null ? event : event.with("ActionID", actionId);
    }

    /** Appends a line; a repeated name (such as {@code Variable} or {@code Output}) adds another line. */
    public AmiMessage with(String name, Object value) {
        lines.add(Map.entry(name, String.valueOf(value)));
        return this;
    }

    public AmiMessage withAll(Map<String, String> fields) {
        fields.forEach(this::with);
        return this;
    }

    /** The first value of a name, ignoring case, or null. */
    public String get(String name) {
        for (Map.Entry<String, String> line : lines) {
            if (line.getKey().equalsIgnoreCase(name)) {
                return line.getValue();
            }
        }
        return null;
    }

    /** Every value of a repeated name, in order. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> line : lines) {
            if (line.getKey().equalsIgnoreCase(name)) {
                values.add(line.getValue());
            }
        }
        return values;
    }

    /** The action name of an action message. */
    public String action() {
        return get("Action");
    }

    public boolean isAction(String name) {
        return name.equalsIgnoreCase(action());
    }

    public List<Map.Entry<String, String>> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** The wire form: CR/LF-terminated lines and a blank line. */
    String encode() {
        StringBuilder wire = new StringBuilder();
        for (Map.Entry<String, String> line : lines) {
            wire.append(line.getKey()).append(": ").append(line.getValue()).append("\r\n");
        }
        return wire.append("\r\n").toString();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
