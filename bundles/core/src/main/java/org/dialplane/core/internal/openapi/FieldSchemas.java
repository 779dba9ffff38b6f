package org.dialplane.core.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.Query;

/**
 * The OpenAPI schemas and list parameters of a {@link FieldSet}, from its declaration: the item as answers show
 * it, the bodies of a create and an update, and the list answer.
 */
final class FieldSchemas {
    static final String REF = "#/components/schemas/";

    /** Which schema a field appears in. */
    enum Use {
        /** An answer: every field, read-only ones marked, values as the answer writes them, maybe null. */
        ITEM,
        /** A create body: the writable fields, the required ones listed, defaults shown. */
        CREATE,
        /** An update body: the writable fields, none required. */
        UPDATE
    }

    private FieldSchemas() {
    }

    /**
     * The four schemas of a declared field set, by name: N, NCreate, NUpdate, NResults; of a body whose answer is
     * something else ({@code answers = false}), only N, the body with its required fields.
     */
    static Map<String, Object> schemas(Operation.Declared declared) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        if (!declared.answers()) {
            schemas.put(declared.name(), object(declared.fieldSet(), Use.CREATE));
            return schemas;
        }
        schemas.put(declared.name(), object(declared.fieldSet(), Use.ITEM));
        schemas.put(declared.name() + "Create", object(declared.fieldSet(), Use.CREATE));
        schemas.put(declared.name() + "Update", object(declared.fieldSet(), Use.UPDATE));
        schemas.put(declared.name() + "Results", results(Map.of("$ref", REF + declared.name())));
        return schemas;
    }

    /** The schema an operation's JSON body refers to: the create (POST) or update body, or the body only. */
    static String bodyRef(Operation.Declared declared, String method) {
        if (!declared.answers()) {
            return REF + declared.name();
        }
        return REF + declared.name() + (method.equals("POST") ? "Create" : "Update");
    }

    /** {@code {"results": [item], "total"?, "next"?}}. */
    static Map<String, Object> results(Map<String, Object> item) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("results", Map.of("type", "array", "items", item));
        properties.put("total", Map.of("type", "integer", "format", "int64", "minimum", 0, "description",
                "the items matching the search across all pages; when the request asked for a page by offset "
                        + "(limit or offset), or total=true"));
        properties.put("next", Map.of("type", "string", "format", "uri", "description",
                "the URL of the next page (also in a Link header, rel=next): on a full page of a list ordered by its"
                        + " key; absent on the last page"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("required", List.of("results"));
        schema.put("properties", properties);
        return schema;
    }

    static Map<String, Object> object(FieldSet fieldSet, Use use) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldSet.Field field : fieldSet.fields()) {
            FieldSpec spec = field.spec();
            if (use != Use.ITEM && spec.isReadOnly()) {
                continue;
            }
            properties.put(field.name(), property(spec, use));
            if (use == Use.CREATE && spec.isRequired()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        if (use == Use.UPDATE) {
            schema.put("description", "only the fields sent are changed");
        } else if (use == Use.ITEM) {
            schema.put("description", "the fields shown by default: " + String.join(", ", fieldSet.defaultNames())
                    + "; others with fields=");
        }
        return schema;
    }

    static Map<String, Object> property(FieldSpec spec, Use use) {
        Map<String, Object> schema = new LinkedHashMap<>();
        boolean asText = use == Use.ITEM && spec.isAnsweredAsText() && spec.type() != FieldSpec.Type.STRING;
        switch (asText ? FieldSpec.Type.STRING : spec.type()) {
            case STRING -> schema.put("type", "string");
            case INTEGER -> schema.put("type", "integer");
            case BOOLEAN -> schema.put("type", "boolean");
            case STRING_LIST -> schema.put("type", "array");
            case OBJECT -> {
                schema.put("type", "object");
                schema.put("additionalProperties", Map.of("type", "string"));
            }
            default -> {
                // ANY: no type, any JSON value
            }
        }
        if (spec.type() == FieldSpec.Type.STRING) {
            putIfSet(schema, "minLength", spec.minLength() == null || spec.minLength() == 0 ? null : spec.minLength());
            putIfSet(schema, "maxLength", spec.maxLength());
            if (spec.pattern() != null) {
                schema.put("pattern", "^(?:" + spec.pattern().pattern() + ")$");
            }
        }
        if (spec.type() == FieldSpec.Type.INTEGER && !asText) {
            putIfSet(schema, "minimum", spec.minimum());
            putIfSet(schema, "maximum", spec.maximum());
        }
        if (asText && spec.type() == FieldSpec.Type.INTEGER) {
            schema.put("pattern", "^-?[0-9]+$");
        }
        if (spec.type() == FieldSpec.Type.STRING_LIST) {
            Map<String, Object> items = new LinkedHashMap<>();
            items.put("type", "string");
            if (spec.pattern() != null) {
                items.put("pattern", "^(?:" + spec.pattern().pattern() + ")$");
            }
            schema.put("items", items);
            putIfSet(schema, "minItems", spec.minItems());
            putIfSet(schema, "maxItems", spec.maxItems());
            if (spec.isDistinct()) {
                schema.put("uniqueItems", true);
            }
        }
        if (!spec.values().isEmpty()) {
            List<Object> values = new ArrayList<>(spec.values());
            if (use == Use.ITEM) {
                values.add(null); // nullable: an enum lists null too (OpenAPI 3.0.3)
            }
            schema.put("enum", values);
        }
        if (spec.isSecret()) {
            schema.put("format", "password");
        }
        if (use == Use.ITEM) {
            schema.put("nullable", true);
            if (spec.isReadOnly()) {
                schema.put("readOnly", true);
            }
        }
        if (use == Use.CREATE && spec.defaultValue() != null) {
            schema.put("default", spec.defaultValue());
        }
        String description = description(spec, use);
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        return schema;
    }

    private static String description(FieldSpec spec, Use use) {
        List<String> parts = new ArrayList<>();
        if (spec.description() != null) {
            parts.add(spec.description());
        }
        if (spec.patternDescription() != null) {
            parts.add((spec.type() == FieldSpec.Type.STRING_LIST ? "each item " : "") + spec.patternDescription());
        }
        if (use == Use.ITEM && spec.isAnsweredAsText() && spec.minimum() != null) {
            parts.add("from " + spec.minimum() + " to " + spec.maximum() + ", answered as text");
        }
        if (spec.isSecret()) {
            parts.add("shown to read-write callers only");
        }
        if (use == Use.ITEM && spec.isReadOnly()) {
            parts.add("read-only: ignored in a body");
        }
        return String.join("; ", parts);
    }

    private static void putIfSet(Map<String, Object> schema, String key, Object value) {
        if (value != null) {
            schema.put(key, value);
        }
    }

    /**
     * The query parameters of a GET of these fields: {@code fields} always, and on a collection the page, sort and
     * search; a parameter the method declares itself is left to it.
     */
    static List<Map<String, Object>> listParameters(FieldSet fieldSet, boolean collection, List<String> declared) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        add(parameters, declared, "fields", "comma-separated fields to show, in that order, or * for all. Fields: "
                + String.join(", ", fieldSet.names()) + ". Default: " + String.join(", ", fieldSet.defaultNames()),
                Map.of("type", "string"));
        if (!collection) {
            return parameters;
        }
        add(parameters, declared, "limit", "the largest number of items to answer; the answer then has total",
                Map.of("type", "integer", "minimum", 1, "maximum", Query.MAX_LIMIT));
        add(parameters, declared, "offset", "the items to skip; the answer then has total",
                Map.of("type", "integer", "minimum", 0, "default", 0));
        List<String> sortable = fieldSet.sortableNames();
        if (!sortable.isEmpty()) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("type", "string");
            order.put("enum", sortable);
            if (fieldSet.defaultOrder() != null) {
                order.put("default", fieldSet.defaultOrder().name());
            }
            add(parameters, declared, "order", "the field to sort by", order);
            add(parameters, declared, "direction", "the sort direction",
                    Map.of("type", "string", "enum", List.of("asc", "desc"), "default", "asc"));
        }
        List<String> searchable = fieldSet.searchable().stream().map(FieldSet.Field::name).toList();
        if (!searchable.isEmpty()) {
            add(parameters, declared, "search", "text found anywhere in " + String.join(" or ", searchable)
                    + " (% and _ match literally)", Map.of("type", "string", "maxLength", Query.MAX_SEARCH_LENGTH));
        }
        add(parameters, declared, "total", "true: answer total (a count of every matching item); false: do not."
                + " Default: with offset, not with after", Map.of("type", "boolean"));
        List<String> keys = fieldSet.fields().stream().filter(FieldSet.Field::key).map(FieldSet.Field::name).toList();
        if (!keys.isEmpty()) {
            add(parameters, declared, "after", "the cursor of the page before, from its next (lists ordered by "
                    + String.join(" or ", keys) + "): a full page answers next, the URL of the page after it",
                    Map.of("type", "string"));
        }
        return parameters;
    }

    private static void add(List<Map<String, Object>> parameters, List<String> declared, String name,
            String description, Map<String, Object> schema) {
        if (declared.contains(name)) {
            return;
        }
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("required", false);
        parameter.put("description", description);
        parameter.put("schema", schema);
        parameters.add(parameter);
    }
}
