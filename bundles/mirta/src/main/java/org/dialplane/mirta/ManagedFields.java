package org.dialplane.mirta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Results;

/**
 * What the MANAGEDB handlers of a tenant's objects (CUSTOM, PHONE, MEDIAFILE, HUNTLIST) share: MiRTA's field names
 * to Dialplane's and back, rows shown as PHP reads them from MySQL (every value a string), the {@code objectid},
 * the acting tenant and the action. One rule for every object: a MiRTA field with no Dialplane equivalent is
 * accepted, not kept, and named in the answer; its {@code <prefix>_id} and {@code <prefix>_te_id} may be sent
 * only with the values they already have (400 otherwise: an id or a tenant is never changed through a field). A
 * JSON number is taken as its text, as PHP would store it.
 */
final class ManagedFields {
    /** Every field of the services' rows; the handlers pick MiRTA's from them. */
    static final Map<String, List<String>> ALL_FIELDS = Map.of("fields", List.of("*"));

    /** What a write sets, in Dialplane's names, and the MiRTA fields sent that are not kept. */
    record Change(Map<String, Object> fields, List<String> ignored) {
        /** The answer's message: what was done, and what was not kept. */
        String message(String done) {
            return ignored.isEmpty() ? done
                    : done + "; not kept (no Dialplane equivalent): " + String.join(", ", ignored);
        }
    }

    private final String object;
    private final String prefix;
    private final Map<String, String> toDialplane;

    /**
     * @param object      the object's name in messages ({@code CUSTOM})
     * @param prefix      its MiRTA field prefix ({@code cu})
     * @param toDialplane MiRTA field -> the service's field, for the fields a write may set
     */
    ManagedFields(String object, String prefix, Map<String, String> toDialplane) {
        this.object = object;
        this.prefix = prefix;
        this.toDialplane = Map.copyOf(toDialplane);
    }

    /**
     * The acting caller: a tenant's. These objects are a tenant's, so a global key names the tenant
     * ({@code tenant=DEVEL}); without one (or with {@code %}) the request is a 400 rather than a write into the
     * default tenant or a list that could not say whose each row is.
     */
    Caller tenantCaller(Caller caller) {
        if (caller.global()) {
            throw ApiException.badRequest("Missing parameter tenant: object " + object
                    + " belongs to a tenant; a global key names it with tenant=<code>");
        }
        return caller;
    }

    /** The action, upper-case; 400 when missing or not one of {@code actions}. */
    String action(ProxyRequest request, List<String> actions) {
        String action = request.upper("action");
        String known = String.join(", ", actions).toLowerCase(java.util.Locale.ROOT);
        if (action == null) {
            throw ApiException.badRequest("Missing parameter action for object " + object + "; one of " + known);
        }
        if (!actions.contains(action)) {
            throw ApiException.badRequest("Unknown action '" + Answer.oneLine(request.get("action")) + "' for object "
                    + object + "; one of " + known);
        }
        return action;
    }

    /**
     * {@code objectid}, or the {@code <prefix>_id} of the jsondata when there is none; 400 when neither is sent or
     * it does not have the id's shape.
     */
    String objectId(ProxyRequest request, Map<String, Object> jsondata, Pattern shape) {
        String id = request.get("objectid");
        Object own = jsondata == null ? null : jsondata.get(prefix + "_id");
        if (id == null && own != null) {
            id = String.valueOf(own);
        }
        if (id == null) {
            throw ApiException.badRequest("Missing parameter objectid: the " + prefix + "_id of the " + object);
        }
        if (!shape.matcher(id).matches()) {
            throw ApiException.badRequest("Invalid objectid '" + Answer.oneLine(id) + "': a " + prefix + "_id");
        }
        return id;
    }

    /**
     * The jsondata's fields in Dialplane's names; {@code <prefix>_id} and {@code <prefix>_te_id} checked against
     * the object's id and tenant, every other unknown field not kept.
     *
     * @param id the object's id, null for an add
     * @throws ApiException 400 for an id or tenant other than the object's
     */
    Change change(Map<String, Object> jsondata, String id, Caller caller) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        jsondata.forEach((name, value) -> {
            if (toDialplane.containsKey(name)) {
                // PHP clients send numbers where MiRTA stores text (json_encode of 30 is 30, not "30"): a number is
                // taken as its text, which Dialplane's numeric fields read back as a number.
                fields.put(toDialplane.get(name), value instanceof Number number ? number.toString() : value);
            } else if (name.equals(prefix + "_id")) {
                if (id == null || !id.equals(String.valueOf(value))) {
                    throw ApiException.badRequest(name + " " + value + (id == null ? " cannot be chosen on add"
                            : " is not the objectid " + id));
                }
            } else if (name.equals(prefix + "_te_id")) {
                if (!Long.toString(caller.tenantId()).equals(String.valueOf(value))) {
                    throw ApiException.badRequest(name + " " + value + " is not the tenant's te_id "
                            + caller.tenantId() + "; the tenant is the one the request acts for");
                }
            } else {
                ignored.add(name);
            }
        });
        return new Change(fields, ignored);
    }

    /** A service's 422 with MiRTA's field names, so that a client sees the fields it sent. */
    ApiException renamed(ApiException e) {
        if (e.problem().errors().isEmpty()) {
            return e;
        }
        List<Problem.FieldError> errors = e.problem().errors().stream().map(error -> new Problem.FieldError(
                toDialplane.entrySet().stream().filter(entry -> entry.getValue().equals(error.field()))
                        .map(Map.Entry::getKey).findFirst().orElse(error.field()), error.message())).toList();
        Problem problem = e.problem();
        return new ApiException(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                errors), e.headers());
    }

    /** The rows of a service's answer, each a map of its fields. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Results results) {
        return results.results().stream().map(row -> (Map<String, Object>) row).toList();
    }

    /**
     * A value as PHP reads it from MySQL: a string, {@code null} kept; booleans {@code 1}/{@code 0}; a list its items
     * joined with {@code ,}.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof List<?> items) {
            return String.join(",", items.stream().map(item -> Objects.toString(item, "")).toList());
        }
        return value.toString();
    }
}
