package org.dialplane.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.dialplane.itests.HostileValues.Hostile;
import org.dialplane.itests.OpenApiOperations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every operation x every parameter and body field x the catalogue, as requests: the hostile value in one place,
 * valid values everywhere else (the acting tenant's own objects in the path, a valid body built from the schema),
 * so each request reaches as deep as the one bad value lets it. {@link #sample} picks a budget of them spread over
 * the operations, for the short run inside {@code mvn verify}.
 */
final class HostileCases {
    /** One request: what it tries (for findings), and the request itself. */
    record Case(String label, Operation operation, String target, byte[] body) {
    }

    /** Field names tried on a JSON object body the document gives no properties for (tenants, API keys). */
    private static final List<String> UNDECLARED_FIELDS = List.of("name", "code", "tenant", "read_only");

    private HostileCases() {
    }

    /** All cases of one operation, for a tenant whose objects fill the valid slots. */
    static List<Case> of(Operation operation, TenantObjects.Tenant tenant) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> valid = tenant.pathValues(operation);
        ObjectNode validBody = operation.takesJson() && operation.body() != null ? TenantObjects.body(operation, tenant)
                : null;
        byte[] body = validBody == null ? null : bytes(validBody);
        String reload = operation.queryParameters().stream().anyMatch(p -> p.name().equals("reload")) ? "reload=0" : "";
        for (String template : operation.pathParameters()) {
            for (Hostile value : HostileValues.values()) {
                if (value.url() != null) {
                    Map<String, String> values = new LinkedHashMap<>(valid);
                    values.put(template, value.url());
                    cases.add(new Case(template + "=" + value, operation, withQuery(operation.fill(values), reload),
                            body));
                }
            }
        }
        for (OpenApiOperations.Parameter parameter : operation.queryParameters()) {
            for (Hostile value : HostileValues.values()) {
                if (value.url() != null) {
                    String query = parameter.name() + "=" + value.url();
                    if (!parameter.name().equals("reload")) {
                        query = reload.isEmpty() ? query : reload + "&" + query;
                    }
                    cases.add(new Case("?" + parameter.name() + "=" + value, operation,
                            withQuery(operation.fill(valid), query), body));
                }
            }
        }
        if (!operation.takesJson()) {
            return cases;
        }
        String target = withQuery(operation.fill(valid), reload);
        List<String> fields = new ArrayList<>(operation.bodyFields().keySet());
        boolean object = validBody != null && (!fields.isEmpty() || "object".equals(operation.body().path("type")
                .asText()));
        if (object && fields.isEmpty()) {
            fields.addAll(UNDECLARED_FIELDS);
        }
        for (String field : fields) {
            for (Hostile value : HostileValues.values()) {
                if (value.json() != null) {
                    cases.add(new Case(field + ":" + value, operation, target, replaced(validBody, field, value.json(),
                            false)));
                }
            }
            byte[] json = HostileValues.json("duplicate");
            cases.add(new Case(field + ":duplicate-key", operation, target, replaced(validBody, field, json, true)));
            ObjectNode missing = validBody.deepCopy();
            missing.remove(field);
            cases.add(new Case(field + ":missing", operation, target, bytes(missing)));
        }
        if (!object) {
            for (Hostile value : HostileValues.values()) {
                if (value.json() != null) {
                    cases.add(new Case("body=" + value, operation, target, value.json()));
                }
            }
        }
        for (Hostile whole : HostileValues.bodies()) {
            cases.add(new Case(whole.name(), operation, target, whole.json()));
        }
        return cases;
    }

    /**
     * Up to {@code budget} cases, taken in turn from each operation's shuffled list so every operation is tried;
     * all of them when the budget is at least their number.
     */
    static List<Case> sample(List<List<Case>> perOperation, int budget, long seed) {
        Random random = new Random(seed);
        List<Iterator<Case>> queues = new ArrayList<>();
        for (List<Case> cases : perOperation) {
            List<Case> shuffled = new ArrayList<>(cases);
            Collections.shuffle(shuffled, random);
            queues.add(shuffled.iterator());
        }
        List<Case> picked = new ArrayList<>();
        boolean more = true;
        while (more && picked.size() < budget) {
            more = false;
            for (Iterator<Case> queue : queues) {
                if (queue.hasNext() && picked.size() < budget) {
                    picked.add(queue.next());
                    more = true;
                }
            }
        }
        return picked;
    }

    private static String withQuery(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The valid body with {@code field} set to the raw bytes (after a valid copy of it when {@code duplicate}). */
    private static byte[] replaced(ObjectNode valid, String field, byte[] value, boolean duplicate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean first = true;
        if (duplicate && !valid.has(field)) {
            out.writeBytes(("\"" + field + "\":").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            first = false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = valid.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equals(field) && !duplicate) {
                continue;
            }
            first = comma(out, first);
            out.writeBytes(("\"" + entry.getKey() + "\":" + entry.getValue()).getBytes(StandardCharsets.UTF_8));
        }
        comma(out, first);
        out.writeBytes(("\"" + field + "\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.write('}');
        return out.toByteArray();
    }

    private static boolean comma(ByteArrayOutputStream out, boolean first) {
        if (!first) {
            out.write(',');
        }
        return false;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
