package org.dialplane.itests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The operations of the live {@code /pbxapi/openapi.json}, read generically: what {@link HostileInputsIT} and
 * {@link TenantMatrixIT} drive, so a new resource bundle is covered by both as soon as it is in the document.
 */
final class OpenApiOperations {
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private OpenApiOperations() {
    }

    /** One parameter: its name, where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
    record Parameter(String name, String in, JsonNode schema) {
    }

    /**
     * One operation. {@code body} is the resolved JSON body schema (null when the operation takes no JSON body),
     * {@code bodyName} the name of the schema it referred to ({@code ExtensionCreate}), or null; {@code open} when
     * the document says it needs no authentication ({@code security: []}: login, health, the document itself).
     */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode body, String bodyName,
            List<String> bodyTypes, boolean open) {

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = TEMPLATE.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        List<Parameter> queryParameters() {
            return parameters.stream().filter(p -> p.in().equals("query")).toList();
        }

        /** Body fields by name with their schemas, in the document's order; empty without a JSON object body. */
        Map<String, JsonNode> bodyFields() {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            if (body != null && body.has("properties")) {
                body.get("properties").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            }
            return fields;
        }

        List<String> required() {
            List<String> names = new ArrayList<>();
            if (body != null && body.has("required")) {
                body.get("required").forEach(n -> names.add(n.asText()));
            }
            return names;
        }

        boolean takesJson() {
            return bodyTypes.contains("application/json");
        }

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        /** The path with each template filled from {@code values} (already percent-encoded, as they go on the wire). */
        String fill(Map<String, String> encodedValues) {
            Matcher matcher = TEMPLATE.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = encodedValues.getOrDefault(matcher.group(1), "1");
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(filled);
            return filled.toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the document, in its order (paths, then methods). */
    static List<Operation> of(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                operation.path("parameters").forEach(p -> parameters.add(
                        new Parameter(p.get("name").asText(), p.get("in").asText(), p.path("schema"))));
                JsonNode content = operation.path("requestBody").path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                JsonNode json = content.path("application/json").path("schema");
                String ref = json.path("$ref").asText(null);
                String bodyName = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
                JsonNode body = json.isMissingNode() ? null : ref == null ? json : schemas.get(bodyName);
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), body, bodyName, List.copyOf(types),
                        operation.has("security") && operation.get("security").isEmpty()));
            }
        }
        return operations;
    }

    /** A value percent-encoded for a path segment or a query parameter (spaces as %20, slashes encoded). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
