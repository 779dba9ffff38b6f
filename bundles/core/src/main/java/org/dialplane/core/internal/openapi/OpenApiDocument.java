package org.dialplane.core.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders operations as an OpenAPI 3.0 document (plain maps, serialised by Jackson). */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static Map<String, Object> render(String version, List<Operation> operations) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Operation operation : operations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(operation.path(),
                    p -> new LinkedHashMap<String, Object>());
            item.put(operation.method().toLowerCase(), operation(operation));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Dialplane API", "version", version,
                "description", "REST API for the Asterisk PBX. Generated from the bundles active right now."));
        document.put("paths", paths);
        document.put("components", components());
        document.put("security", List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of())));
        return document;
    }

    private static Map<String, Object> operation(Operation operation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tags", List.of(operation.tag()));
        result.put("summary", operation.summary());
        result.put("operationId", operation.method().toLowerCase() + operation.path().replaceAll("[^A-Za-z0-9]+", "_"));
        List<Map<String, Object>> parameters = new ArrayList<>();
        List<String> formFields = new ArrayList<>();
        for (Operation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("form")) {
                formFields.add(parameter.name());
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", parameter.name());
            p.put("in", parameter.in());
            p.put("required", parameter.in().equals("path"));
            Map<String, Object> schema = new LinkedHashMap<>(schema(parameter.type()));
            if (parameter.defaultValue() != null) {
                schema.put("default", parameter.defaultValue());
            }
            p.put("schema", schema);
            parameters.add(p);
        }
        if (!parameters.isEmpty()) {
            result.put("parameters", parameters);
        }
        if (!formFields.isEmpty()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            formFields.forEach(f -> properties.put(f, Map.of("type", "string")));
            result.put("requestBody", Map.of("content", Map.of("application/x-www-form-urlencoded",
                    Map.of("schema", Map.of("type", "object", "properties", properties)))));
        } else if (operation.body() != null) {
            result.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", schema(operation.body())))));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        operation.produces().forEach(type -> content.put(type, Map.of()));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("2XX", Map.of("description", "Success", "content", content));
        responses.put("default", Map.of("description", "An error (RFC 9457 problem details)", "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        result.put("responses", responses);
        if (operation.isPublic()) {
            result.put("security", List.of());
        }
        return result;
    }

    private static Map<String, Object> schema(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Map.of("type", "integer");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Map.of("type", "number");
        }
        if (type == String.class) {
            return Map.of("type", "string");
        }
        if (List.class.isAssignableFrom(type)) {
            return Map.of("type", "array", "items", Map.of());
        }
        return Map.of("type", "object");
    }

    private static Map<String, Object> components() {
        Map<String, Object> problem = Map.of("type", "object", "properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"),
                "errors", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                        Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string"))))));
        return Map.of(
                "schemas", Map.of("Problem", problem),
                "securitySchemes", Map.of(
                        "bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT or API key"),
                        "apiKey", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key")));
    }
}
