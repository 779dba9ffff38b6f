package org.dialplane.core.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object sent as a request body, as the fields that were actually sent: what a partial update needs to
 * change only those, and what {@link Validation} checks. Declare it as a resource method's entity parameter;
 * core reads it (JSON media types only, so another content type is a 415), enforces the body size limit (413),
 * answers malformed JSON or a body that is not an object with a 400, and gives an empty JSON body as
 * {@link #EMPTY}. A request with no body and no {@code Content-Type} at all reaches the resource as {@code null};
 * {@link Validation#of(JsonBody)} and {@link Reload#requested(String, JsonBody)} take that as an empty body.
 * Values are as Jackson reads them: {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean}, {@code List}, {@code Map}, or {@code null}.
 */
public final class JsonBody {
    public static final JsonBody EMPTY = new JsonBody(Map.of());

    private final Map<String, Object> fields;

    private JsonBody(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static JsonBody of(Map<String, ?> fields) {
        return new JsonBody(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    /** Whether the field was sent (even as {@code null}). */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The value sent, or {@code null} when absent or sent as {@code null}. */
    public Object get(String field) {
        return fields.get(field);
    }

    /** The names of the fields sent, in the order sent. */
    public Set<String> names() {
        return fields.keySet();
    }

    public Map<String, Object> asMap() {
        return fields;
    }

    @Override
    public String toString() {
        return "JsonBody" + fields.keySet();
    }
}
