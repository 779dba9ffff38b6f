package org.dialplane.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.dialplane.itests.OpenApiOperations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tenant with its keys and one object in every collection of the OpenAPI document that has a POST, each created
 * through the API with a valid body built from the operation's create schema (its {@code required} list, enums,
 * defaults, ranges). The few values a schema cannot say are in {@link #PREREQUISITES}: the object a field refers
 * to (a custom type before a custom destination, an extension before a mailbox).
 */
final class TenantObjects {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Values no schema can give, by {@code Schema.field}: references to objects created before (collections are
     * created in {@link #ORDER}), or formats without a pattern. Everything else comes from the schema.
     */
    static final Map<String, Function<Tenant, JsonNode>> PREREQUISITES = Map.ofEntries(
            // A type without parameters, so a destination of it needs none (their rules follow the type's kinds).
            Map.entry("CustomTypeCreate.template", t -> NODES.arrayNode().add("Dial(Local/5550100@from-internal,30)")),
            Map.entry("CustomTypeCreate.param1_name", t -> null),
            Map.entry("CustomTypeCreate.param2_name", t -> null),
            Map.entry("CustomTypeCreate.param3_name", t -> null),
            Map.entry("CustomTypeCreate.param1_kind", t -> null),
            Map.entry("CustomTypeCreate.param2_kind", t -> null),
            Map.entry("CustomTypeCreate.param3_kind", t -> null),
            Map.entry("CustomDestinationCreate.param1", t -> null),
            Map.entry("CustomDestinationCreate.param2", t -> null),
            Map.entry("CustomDestinationCreate.param3", t -> null),
            Map.entry("CustomDestinationCreate.type", t -> NODES.numberNode(Integer.parseInt(t.id("customtypes")))),
            Map.entry("PhoneCreate.mac", t -> NODES.textNode(t.mac)),
            Map.entry("PhoneCreate.model", t -> NODES.textNode(t.phoneModel)),
            Map.entry("PhoneCreate.lines", t -> NODES.arrayNode().add(t.id("extensions"))),
            Map.entry("ResponsePathCreate.destination", t -> NODES.objectNode().put("type", "extension")
                    .put("id", t.id("extensions"))),
            Map.entry("VoicemailCreate.mailbox", t -> NODES.textNode(t.id("extensions"))),
            Map.entry("RingGroupCreate.extension_list", t -> NODES.arrayNode().add(t.id("extensions"))),
            Map.entry("Originate.source", t -> NODES.textNode(t.id("extensions"))),
            Map.entry("Originate.dest", t -> NODES.textNode("5550100")));

    /** Fields whose value is one of the tenant's objects: another tenant must not be able to use them. */
    private static final List<String> REFERENCES = List.of("PhoneCreate.lines", "ResponsePathCreate.destination",
            "VoicemailCreate.mailbox", "RingGroupCreate.extension_list", "Originate.source");

    /** Whether the valid body of {@code operation} refers to the tenant's own objects (see {@link #REFERENCES}). */
    static boolean refersToObjects(Operation operation) {
        return operation.bodyFields().keySet().stream().anyMatch(f -> REFERENCES.contains(operation.bodyName() + "." + f));
    }

    /** Collections others refer to come first; the rest follow in the document's order. */
    private static final List<String> ORDER = List.of("/pbxapi/extensions", "/pbxapi/customtypes", "/pbxapi/media");

    /** Paths whose first template names an object of another collection. */
    private static final Map<String, String> ALIASES = Map.of("agents", "extensions");

    /** A tenant: its code and id, its number range, its keys, its objects by collection (e.g. extensions -> 7001). */
    static final class Tenant {
        final String code;
        final String id;
        final int rangeStart;
        final String readWrite;
        final String readOnly;
        final String readWriteKeyId;
        /** Text put into every free-text field of this tenant's objects: another caller must never see it. */
        final String marker;
        final Map<String, String> ids = new LinkedHashMap<>();
        /** Collections only a global caller may create (custom types): their objects are everyone's, by design. */
        final java.util.Set<String> global = new java.util.TreeSet<>();
        final String mac;
        String phoneModel = "none";

        Tenant(String code, String id, int rangeStart, JsonNode readWrite, String readOnly) {
            this.code = code;
            this.id = id;
            this.rangeStart = rangeStart;
            this.readWrite = readWrite.get("key").asText();
            this.readWriteKeyId = readWrite.get("id").asText();
            this.readOnly = readOnly;
            this.marker = "mk" + code.substring(1, 9);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            this.mac = String.format("02%010x", random.nextLong(1L << 40));
        }

        String id(String collection) {
            return ids.getOrDefault(collection, "1");
        }

        /** The value of a path template of {@code operation}: this tenant's object, or 1 where none was made. */
        String pathValue(Operation operation, String template) {
            String[] segments = operation.path().split("/");
            if (segments.length > 2 && operation.pathParameters().indexOf(template) == 0) {
                String collection = ALIASES.getOrDefault(segments[2], segments[2]);
                return switch (collection) {
                    case "tenants" -> id;
                    case "apikeys" -> readWriteKeyId;
                    case "manager" -> "Ping";
                    default -> id(collection);
                };
            }
            return "1";
        }

        Map<String, String> pathValues(Operation operation) {
            Map<String, String> values = new LinkedHashMap<>();
            operation.pathParameters().forEach(p -> values.put(p, OpenApiOperations.encode(pathValue(operation, p))));
            return values;
        }
    }

    private TenantObjects() {
    }

    /** A new tenant with numbers from {@code start} and a read-write and a read-only key of its own. */
    static Tenant tenant(Http admin, int start) {
        String code = "t" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Response created = admin.json("POST", "/pbxapi/tenants", "{\"code\":\"" + code + "\",\"name\":\"Tenant "
                + code + "\",\"range_start\":" + start + ",\"range_end\":" + (start + 999) + "}");
        assertEquals(created.toString(), 201, created.status());
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode readWrite = key(admin, "{\"name\":\"rw\",\"tenant\":\"" + code + "\"}");
        String readOnly = key(admin, "{\"name\":\"ro\",\"read_only\":true,\"tenant\":\"" + code + "\"}")
                .get("key").asText();
        return new Tenant(code, id, start, readWrite, readOnly);
    }

    private static JsonNode key(Http admin, String body) {
        Http.Response response = admin.json("POST", "/pbxapi/apikeys", body);
        assertEquals(response.toString(), 201, response.status());
        return response.json().get("results").get(0);
    }

    /**
     * Creates one object in every collection with a JSON POST, as {@code tenant}'s read-write key (as the admin
     * where only a global caller may create, e.g. custom types); the answers
     * that were not a 2xx with a Location, by operation (the report lists them).
     */
    static Map<String, String> createAll(Http http, Http admin, Tenant tenant, List<Operation> operations) {
        Http.Response models = http.bearer(tenant.readWrite).get("/pbxapi/phonemodels?limit=1");
        if (models.status() == 200 && models.json().path("results").size() > 0) {
            tenant.phoneModel = models.json().get("results").get(0).path("id").asText("none");
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (Operation operation : creates(operations)) {
            ObjectNode body = body(operation, tenant);
            Http.Response response = http.bearer(tenant.readWrite).json("POST", operation.path() + "?reload=0",
                    body.toString());
            String collection = operation.path().substring("/pbxapi/".length());
            if (response.status() == 403) { // global-only (custom types): the admin makes one the tenant may use
                response = admin.json("POST", operation.path() + "?reload=0", body.toString());
                tenant.global.add(collection);
            }
            String location = response.header("Location");
            if (response.status() / 100 == 2 && location != null) {
                tenant.ids.put(collection, location.substring(location.lastIndexOf('/') + 1));
            } else {
                failures.put(operation.toString(), response.status() + " " + body + " -> " + response.body());
            }
        }
        return failures;
    }

    /** The POSTs to a collection (no template) that take a JSON object, prerequisites first. */
    static List<Operation> creates(List<Operation> operations) {
        List<Operation> creates = new ArrayList<>(operations.stream()
                .filter(o -> o.method().equals("POST") && o.pathParameters().isEmpty() && o.takesJson()
                        && o.body() != null && o.body().has("properties"))
                .toList());
        creates.sort(Comparator.comparingInt(o -> ORDER.contains(o.path()) ? ORDER.indexOf(o.path()) : ORDER.size()));
        return creates;
    }

    /** A valid body for {@code operation}: every required field and every field with an enum or a default. */
    static ObjectNode body(Operation operation, Tenant tenant) {
        ObjectNode body = NODES.objectNode();
        List<String> required = operation.required();
        operation.bodyFields().forEach((name, schema) -> {
            // An update's fields take what the create's do (PhoneUpdate.mac as PhoneCreate.mac).
            Function<Tenant, JsonNode> known = PREREQUISITES.get(String.valueOf(operation.bodyName())
                    .replaceAll("Update$", "Create") + "." + name);
            if (known != null) {
                JsonNode value = known.apply(tenant);
                if (value != null) {
                    body.set(name, value);
                }
            } else if (required.contains(name) || schema.has("default") || schema.has("enum")) {
                body.set(name, value(schema, tenant));
            } else if (takesMarker(schema, tenant)) {
                body.set(name, value(schema, tenant)); // free text: carries the marker
            }
        });
        return body;
    }

    /** A text field (not a secret) whose rules accept the tenant's marker. */
    private static boolean takesMarker(JsonNode schema, Tenant tenant) {
        return "string".equals(schema.path("type").asText()) && !"password".equals(schema.path("format").asText())
                && !schema.has("enum") && (!schema.has("pattern")
                        || java.util.regex.Pattern.matches(schema.get("pattern").asText(), tenant.marker + " 1"))
                && schema.path("maxLength").asInt(80) >= tenant.marker.length() + 2;
    }

    /** A value valid for {@code schema}, the tenant's marker in free text. */
    static JsonNode value(JsonNode schema, Tenant tenant) {
        if (schema.has("enum")) {
            JsonNode first = schema.get("enum").get(0);
            return schema.has("default") ? schema.get("default") : first;
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        String pattern = schema.path("pattern").asText("");
        switch (schema.path("type").asText("string")) {
            case "integer":
                return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode items = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    items.add(value(schema.path("items"), tenant));
                }
                return items;
            }
            case "object":
                return NODES.objectNode();
            default:
                if (takesMarker(schema, tenant)) {
                    String text = tenant.marker + " " + ThreadLocalRandom.current().nextInt(1000);
                    int max = schema.path("maxLength").asInt(80);
                    return NODES.textNode(text.length() > max ? text.substring(0, max) : text);
                }
                if (pattern.contains("[0-9]{4,")) {
                    return NODES.textNode("1234");
                }
                if (pattern.contains("[0-9]")) {
                    return NODES.textNode(Integer.toString(tenant.rangeStart + 1));
                }
                int max = schema.path("maxLength").asInt(80);
                String text = tenant.marker + " " + ThreadLocalRandom.current().nextInt(1000);
                return NODES.textNode(text.length() > max ? text.substring(0, max) : text);
        }
    }
}
