package org.dialplane.mirta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dialplane.core.rest.ApiException;

import jakarta.servlet.http.Part;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One proxyapi request as a handler reads it: its parameters, with the checks every handler needs (a required
 * parameter, a value of the expected shape: 400 naming the parameter) and {@code jsondata}, the URL-encoded JSON
 * that MiRTA's writes post.
 */
final class ProxyRequest {
    /** A field given twice in {@code jsondata} is refused, as core refuses it in a JSON body. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final String JSONDATA = "jsondata";

    private final Parameters parameters;
    /** The file fields of a multipart body, by name (MANAGEDB MEDIAFILE updatebinary's {@code filename}). */
    private final Map<String, Part> files;

    ProxyRequest(Parameters parameters) {
        this(parameters, Map.of());
    }

    ProxyRequest(Parameters parameters, Map<String, Part> files) {
        this.parameters = parameters;
        this.files = Map.copyOf(files);
    }

    /** The uploaded file of a multipart body's field, if the body had one by that name. */
    Optional<Part> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The parameter's last value, or null when not sent (or sent empty). */
    String get(String name) {
        return parameters.get(name);
    }

    /** The first of these parameters that was sent (MiRTA's aliases, e.g. {@code queue}/{@code queuenumber}). */
    String first(String... names) {
        for (String name : names) {
            if (parameters.has(name)) {
                return parameters.get(name);
            }
        }
        return null;
    }

    /** The names of the parameters sent (for the audit log: names, never values). */
    java.util.Set<String> names() {
        return parameters.names();
    }

    List<String> all(String name) {
        return parameters.all(name);
    }

    /** The value upper-cased, as MiRTA compares reqtypes, actions and objects; null when not sent. */
    String upper(String name) {
        String value = get(name);
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** @throws ApiException 400 when the parameter was not sent */
    String required(String name) {
        String value = get(name);
        if (value == null) {
            throw ApiException.badRequest("Missing parameter " + name);
        }
        return value;
    }

    /**
     * The value when it matches {@code shape}, or null when not sent.
     *
     * @throws ApiException 400 naming the parameter and saying what it must be
     */
    String matching(String name, Pattern shape, String description) {
        String value = get(name);
        if (value != null && !shape.matcher(value).matches()) {
            throw ApiException.badRequest("Invalid " + name + " '" + Answer.oneLine(value) + "': " + description);
        }
        return value;
    }

    /** As {@link #matching}, and required. */
    String requiredMatching(String name, Pattern shape, String description) {
        required(name);
        return matching(name, shape, description);
    }

    /**
     * {@code jsondata} as a JSON object of fields.
     *
     * @throws ApiException 400 when it was not sent, is not valid JSON or is not an object
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject() {
        JsonNode node = json();
        if (!node.isObject()) {
            throw ApiException.badRequest("jsondata must be a JSON object of fields");
        }
        return JSON.convertValue(node, Map.class);
    }

    /** {@code jsondata} as any JSON value; 400 when absent or malformed. */
    JsonNode json() {
        String text = required(JSONDATA);
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("jsondata is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("jsondata is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
