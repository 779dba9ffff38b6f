package org.dialplane.core.internal.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * Reads and checks the fields of a JSON object body, collecting every field problem so that one 422 lists them
 * all. Absent and {@code null} fields read as {@code null}; {@link #has} tells them apart for partial updates.
 */
public final class JsonInput {
    private final Map<String, Object> body;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public JsonInput(Map<String, Object> body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON object is required as the request body");
        }
        this.body = body;
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    /** A trimmed, non-blank string of at most {@code maxLength} characters. */
    public String text(String field, int maxLength, boolean required) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            error(field, "must be a string");
            return null;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            error(field, "must not be empty");
            return null;
        }
        if (text.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** A boolean, also accepted as 1/0, "true"/"false", "yes"/"no" (Issabel clients send strings). */
    public Boolean flag(String field) {
        Object value = body.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> {
                error(field, "must be true or false");
                yield null;
            }
        };
    }

    /** A whole number from 0 to {@code max}, also accepted as a string of digits. */
    public Long number(String field, long max) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (value instanceof Boolean || !text.matches("\\d{1,18}") || Long.parseLong(text) > max) {
            error(field, "must be a whole number from 0 to " + max);
            return null;
        }
        return Long.parseLong(text);
    }

    public void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    /** Throws a 422 listing every field problem found so far. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
