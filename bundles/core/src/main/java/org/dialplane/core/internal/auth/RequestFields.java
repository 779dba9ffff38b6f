package org.dialplane.core.internal.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.dialplane.core.rest.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.MediaType;

/**
 * The simple string fields of a small request body that may come as a form ({@code user=..&password=..}, as in
 * Issabel's pbxapi) or as a JSON object. One parser for both, so login, renewal and logout accept the same.
 */
final class RequestFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestFields() {
    }

    static Map<String, String> parse(String contentType, String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        if (isJson(contentType) || contentType == null && body.stripLeading().startsWith("{")) {
            readJson(body, fields);
        } else {
            readForm(body, fields);
        }
        return fields;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static void readJson(String body, Map<String, String> fields) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        root.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
    }

    private static void readForm(String body, Map<String, String> fields) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                throw ApiException.badRequest("The request body is not a valid form");
            }
        }
    }
}
