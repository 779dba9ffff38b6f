package org.dialplane.manager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;

/**
 * Maps a request body onto an allowed action's fields: names match case-insensitively (AMI ignores case)
 * and come out in the action's own spelling; refused fields are 403 and unknown ones 422, before anything
 * else is looked at.
 */
final class ManagerFields {
    private ManagerFields() {
    }

    static Map<String, Object> canonical(JsonBody body, AllowedAction allowed) {
        Map<String, Object> given = body == null ? Map.of() : body.asMap();
        for (String name : given.keySet()) {
            for (String refused : allowed.forbidden()) {
                if (refused.equalsIgnoreCase(name.strip())) {
                    throw ApiException.forbidden("The field " + refused + " is not allowed here: originate may "
                            + "only send a channel to a dialplan target (Context, Exten, Priority); running "
                            + "applications is refused");
                }
            }
        }
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        allowed.fields().forEach(field -> spelling.put(field, field));
        Map<String, Object> canonical = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String field = spelling.get(entry.getKey());
            if (field == null) {
                errors.add(new Problem.FieldError(entry.getKey(), "is not a field of this action; allowed: "
                        + String.join(", ", allowed.fields())));
            } else if (canonical.containsKey(field)) {
                errors.add(new Problem.FieldError(entry.getKey(), "is given twice (as " + field + ")"));
            } else {
                canonical.put(field, entry.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return canonical;
    }

    static String key(String action) {
        return action == null ? "" : action.strip().toLowerCase(Locale.ROOT);
    }
}
