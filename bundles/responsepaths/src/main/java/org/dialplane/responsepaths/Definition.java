package org.dialplane.responsepaths;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.responsepaths.api.Destination;
import org.dialplane.responsepaths.api.Variable;

/** A response path as stored: one {@code dp_responsepath_paths} row and its variables, in order. */
record Definition(long id, long tenantId, String name, List<String> prompts, List<Variable> variables,
        boolean voicefile, Destination destination) {
    static final String CONTEXT_PREFIX = "dp-responsepath-";

    Definition {
        prompts = List.copyOf(prompts);
        variables = List.copyOf(variables);
    }

    /** The dialplan context that runs it. */
    String context() {
        return CONTEXT_PREFIX + id;
    }

    /** As the API shows it (every field; the query picks). */
    Map<String, Object> shown() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("prompts", prompts);
        row.put("variables", variables.stream().map(v -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("id", v.id());
            variable.put("name", v.name());
            variable.put("max_digits", v.maxDigits());
            return variable;
        }).toList());
        row.put("voicefile", voicefile);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", destination.type());
        target.put("id", destination.id());
        row.put("destination", target);
        row.put("context", context());
        return row;
    }

    static String joinPrompts(List<String> prompts) {
        return String.join(",", prompts);
    }

    static List<String> splitPrompts(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
