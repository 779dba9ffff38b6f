package org.dialplane.core.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;

/**
 * Renders operations as an OpenAPI 3.0 document (plain maps, serialised by Jackson). A resource that names its
 * field set ({@code @Fields}) gets schemas for its items, bodies and list answers, and its list parameters.
 */
final class OpenApiDocument {
    private static final String PROBLEM = "#/components/responses/Problem";

    private OpenApiDocument() {
    }

    static Map<String, Object> render(String version, List<Operation> operations) {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>(fixedSchemas());
        for (Operation operation : operations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(operation.path(),
                    p -> new LinkedHashMap<String, Object>());
            // Several methods on one path and verb (a JSON body or an upload) are one operation with every body.
            item.merge(operation.method().toLowerCase(), operation(operation), OpenApiDocument::merged);
            if (operation.fields() != null) {
                // Two bundles naming the same schema: the first keeps it (operations come sorted by path).
                FieldSchemas.schemas(operation.fields()).forEach(schemas::putIfAbsent);
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Dialplane API", "version", version,
                "description", "REST API for the Asterisk PBX. Generated from the bundles active right now."));
        document.put("paths", paths);
        document.put("components", components(schemas));
        document.put("security", List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of()),
                Map.of("apiKeyQuery", List.of())));
        return document;
    }

    private static final Map<String, Object> IDEMPOTENCY_KEY = Map.of("name", "Idempotency-Key", "in", "header",
            "required", false, "description", "Any 1-191 visible ASCII characters: a retry with the same key gets the"
                    + " first answer again (kept 24 h) instead of creating twice; with another body, 422",
            "schema", Map.of("type", "string", "minLength", 1, "maxLength", 191));

    private static Map<String, Object> operation(Operation operation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tags", List.of(operation.tag()));
        result.put("summary", operation.summary());
        result.put("operationId", operation.method().toLowerCase() + operation.path().replaceAll("[^A-Za-z0-9]+", "_"));
        Operation.Declared fields = operation.fields();
        boolean listsFields = fields != null && fields.answers() && operation.method().equals("GET");
        List<Map<String, Object>> parameters = new ArrayList<>();
        List<String> formFields = new ArrayList<>();
        for (Operation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("form")) {
                formFields.add(parameter.name());
                continue;
            }
            parameters.add(parameter(parameter));
        }
        if (listsFields) {
            List<String> declared = operation.parameters().stream().map(Operation.Parameter::name).toList();
            parameters.addAll(FieldSchemas.listParameters(fields.fieldSet(), !operation.onItems(), declared));
        }
        if (operation.method().equals("POST") && !operation.isPublic()) {
            parameters.add(IDEMPOTENCY_KEY); // core's IdempotencyFilter serves it on every authenticated POST
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
            Map<String, Object> content = new LinkedHashMap<>();
            for (String type : operation.consumes()) {
                content.put(type, Map.of("schema", bodySchema(operation, type)));
            }
            // A JsonBody may be left out (no body at all is an empty one); other entities are needed.
            result.put("requestBody", Map.of("required", operation.body() != JsonBody.class, "content", content));
        }
        result.put("responses", responses(operation, listsFields));
        if (operation.isPublic()) {
            result.put("security", List.of());
        }
        return result;
    }

    /** JSON by the declared fields (or the Java type); an upload as binary, a multipart form as an object. */
    private static Map<String, Object> bodySchema(Operation operation, String type) {
        String mediaType = type.toLowerCase(Locale.ROOT);
        if (mediaType.startsWith("multipart/")) {
            return Map.of("type", "object");
        }
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            return Map.of("type", "string", "format", "binary");
        }
        return operation.fields() != null ? Map.of("$ref", FieldSchemas.bodyRef(operation.fields(), operation.method()))
                : schema(operation.body());
    }

    /**
     * Two operations on the same path and verb: the first, with the other's request body types, parameters and
     * answers added, and both summaries.
     */
    @SuppressWarnings("unchecked")
    private static Object merged(Object first, Object second) {
        Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) first);
        Map<String, Object> b = (Map<String, Object>) second;
        a.put("summary", a.get("summary") + "; or: " + b.get("summary"));
        if (b.containsKey("requestBody")) {
            Map<String, Object> aBody = (Map<String, Object>) a.get("requestBody");
            Map<String, Object> bBody = (Map<String, Object>) b.get("requestBody");
            Map<String, Object> content = new LinkedHashMap<>(aBody == null ? Map.of()
                    : (Map<String, Object>) aBody.get("content"));
            ((Map<String, Object>) bBody.get("content")).forEach(content::putIfAbsent);
            boolean required = (aBody == null || Boolean.TRUE.equals(aBody.get("required")))
                    && Boolean.TRUE.equals(bBody.get("required"));
            a.put("requestBody", Map.of("required", required, "content", content));
        }
        if (b.containsKey("parameters")) {
            List<Map<String, Object>> parameters = new ArrayList<>(
                    (List<Map<String, Object>>) a.getOrDefault("parameters", List.of()));
            for (Map<String, Object> parameter : (List<Map<String, Object>>) b.get("parameters")) {
                if (parameters.stream().noneMatch(p -> p.get("name").equals(parameter.get("name"))
                        && p.get("in").equals(parameter.get("in")))) {
                    parameters.add(parameter);
                }
            }
            a.put("parameters", parameters);
        }
        Map<String, Object> responses = new LinkedHashMap<>((Map<String, Object>) a.get("responses"));
        ((Map<String, Object>) b.get("responses")).forEach(responses::putIfAbsent);
        a.put("responses", responses);
        return a;
    }

    private static Map<String, Object> parameter(Operation.Parameter parameter) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", parameter.name());
        p.put("in", parameter.in());
        p.put("required", parameter.in().equals("path"));
        Map<String, Object> schema = new LinkedHashMap<>(schema(parameter.type()));
        if (parameter.in().equals("query") && parameter.name().equals(Reload.NAME)) {
            p.put("description", "0 or false: write without applying the PBX configuration (also as a body "
                    + "field; the query wins)");
            schema.put("enum", List.of("0", "1", "false", "true"));
            schema.put("default", "1");
        }
        if (parameter.defaultValue() != null) {
            schema.put("default", parameter.defaultValue());
        }
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> responses(Operation operation, boolean listsFields) {
        Map<String, Object> responses = new LinkedHashMap<>();
        String method = operation.method();
        // The CRUD answers of Crud.created/saved/delete: a resource whose answers are its declared fields.
        boolean crud = operation.fields() != null && operation.fields().answers()
                && (operation.returns() == jakarta.ws.rs.core.Response.class || operation.returns() == void.class);
        if (operation.status() == 202) {
            responses.put("202", Map.of("description", "Accepted: the job it started is at Location", "headers",
                    Map.of("Location", Map.of("description", "the job, /pbxapi/jobs/{id}", "schema",
                            Map.of("type", "string")))));
        } else if (operation.status() != 0) {
            responses.put(Integer.toString(operation.status()), Map.of("description", "Success"));
        } else if (listsFields) {
            responses.put("200", Map.of("description", "The items", "content", Map.of("application/json",
                    Map.of("schema", Map.of("$ref", FieldSchemas.REF + operation.fields().name() + "Results")))));
        } else if (crud && method.equals("POST")) {
            responses.put("201", Map.of("description", "Created, at Location; no body", "headers",
                    Map.of("Location", Map.of("description", "the new item", "schema", Map.of("type", "string")))));
        } else if (crud && method.equals("PUT")) {
            responses.put("200", Map.of("description", "Saved, no body; Location only when it created the item",
                    "headers", Map.of("Location", Map.of("description", "the item, when created", "schema",
                            Map.of("type", "string")))));
        } else if (crud && method.equals("DELETE")) {
            responses.put("200", Map.of("description", "Deleted, all or none; no body"));
        } else if (operation.returns() == Results.class) {
            responses.put("200", Map.of("description", "Success", "content",
                    Map.of("application/json", Map.of("schema", Map.of("$ref", FieldSchemas.REF + "Results")))));
        } else {
            Map<String, Object> content = new LinkedHashMap<>();
            operation.produces().forEach(type -> content.put(type, Map.of()));
            responses.put("2XX", Map.of("description", "Success", "content", content));
        }
        if (!operation.isPublic()) {
            responses.put("401", Map.of("$ref", PROBLEM));
        }
        if (operation.body() != null || operation.parameters().stream().anyMatch(p -> p.in().equals("form"))) {
            responses.put("422", Map.of("$ref", PROBLEM));
        }
        responses.put("default", Map.of("$ref", PROBLEM));
        return responses;
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

    private static Map<String, Object> fixedSchemas() {
        Map<String, Object> fieldError = Map.of("type", "object", "required", List.of("message"), "properties",
                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")));
        Map<String, Object> problemProperties = new LinkedHashMap<>();
        problemProperties.put("type", Map.of("type", "string", "description", "a URI naming the kind of problem"));
        problemProperties.put("title", Map.of("type", "string"));
        problemProperties.put("status", Map.of("type", "integer"));
        problemProperties.put("detail", Map.of("type", "string"));
        problemProperties.put("errors", Map.of("type", "array", "items", Map.of("$ref", FieldSchemas.REF
                + "FieldError"), "description", "the fields at fault (422)"));
        problemProperties.put("requestId", Map.of("type", "string", "description",
                "the request's id, as in its X-Request-Id header and the access log"));
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Problem", Map.of("type", "object", "description", "RFC 9457 problem details", "required",
                List.of("status", "title"), "properties", problemProperties));
        schemas.put("FieldError", fieldError);
        schemas.put("Results", FieldSchemas.results(Map.of("type", "object")));
        return schemas;
    }

    private static Map<String, Object> components(Map<String, Object> schemas) {
        Map<String, Object> securitySchemes = new LinkedHashMap<>();
        securitySchemes.put("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT",
                "description", "an access token from POST /pbxapi/authenticate, or an API key"));
        securitySchemes.put("apiKey", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"));
        securitySchemes.put("apiKeyQuery", Map.of("type", "apiKey", "in", "query", "name", "key"));
        return Map.of(
                "schemas", schemas,
                "responses", Map.of("Problem", Map.of("description", "An error (RFC 9457 problem details)",
                        "content", Map.of("application/problem+json",
                                Map.of("schema", Map.of("$ref", FieldSchemas.REF + "Problem"))))),
                "securitySchemes", securitySchemes);
    }
}
