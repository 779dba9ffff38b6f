package org.dialplane.manager;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.rest.Validation;

/**
 * Originate's {@code Variable}: an object {@code {"A":"1"}} or AMI's own {@code "A=1,B=2"}. Names must be plain
 * variable names, because a name ending in ')' is a dialplan function write (FILE(), DB() ...), and values may
 * not hold {@code ${...}} or {@code $[...]} expressions.
 */
final class OriginateVariables {
    static final int MAX_VARIABLES = 20;

    private OriginateVariables() {
    }

    static Map<String, String> parse(Validation v, Object raw) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (raw == null) {
            return variables;
        }
        if (raw instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(String.valueOf(name), value == null ? ""
                    : String.valueOf(value)));
        } else if (raw instanceof String text) {
            for (String pair : text.split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    v.error("Variable", "must be NAME=value pairs separated by commas, or an object");
                    return Map.of();
                }
                variables.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
        } else {
            v.error("Variable", "must be an object of names and values, or NAME=value,NAME=value");
            return Map.of();
        }
        if (variables.size() > MAX_VARIABLES) {
            v.error("Variable", "must hold at most " + MAX_VARIABLES + " variables");
        }
        for (Map.Entry<String, String> entry : variables.entrySet()) {
            if (!ManagerActions.VARIABLE_NAME.matcher(entry.getKey()).matches()) {
                v.error("Variable", "names must be plain variable names (no functions): " + entry.getKey());
            } else if (entry.getValue().contains("${") || entry.getValue().contains("$[")
                    || entry.getValue().contains(",") || entry.getValue().length() > ManagerActions.MAX_TEXT) {
                v.error("Variable", "the value of " + entry.getKey()
                        + " must be plain text without ${...}, $[...] or commas, up to 128 characters");
            }
        }
        return v.hasErrors() ? Map.of() : variables;
    }
}
