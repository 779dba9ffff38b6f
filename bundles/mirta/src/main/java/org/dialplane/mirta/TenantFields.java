package org.dialplane.mirta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * MiRTA's tenant fields and Dialplane's: {@code te_code}, {@code te_name} and {@code te_enabled} are core's
 * {@code code}, {@code name} and {@code enabled}; {@code te_id} is the tenant's id (never changed). MiRTA's
 * {@code pk_start}/{@code pk_end} (its parking positions) have no Dialplane equivalent: they are checked (whole
 * numbers, start not after end) and not kept, and the answer says so. Any other field is ignored the same way.
 * Dialplane's extension range is not a MiRTA field: it stays with {@code /pbxapi/tenants}.
 */
final class TenantFields {
    static final Map<String, String> TO_CORE = Map.of("te_code", "code", "te_name", "name", "te_enabled", "enabled");
    static final Set<String> NOT_KEPT = Set.of("pk_start", "pk_end");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    /** What a write sets in core's names, and the MiRTA fields sent that are not kept. */
    record Change(Map<String, Object> fields, List<String> ignored) {
    }

    private TenantFields() {
    }

    /** @throws ApiException 400 for a te_id other than the object's, 422 for a malformed pk_start/pk_end */
    static Change change(Map<String, Object> mirta, String objectId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        mirta.forEach((name, value) -> {
            if (TO_CORE.containsKey(name)) {
                fields.put(TO_CORE.get(name), value);
            } else if (name.equals("te_id")) {
                if (objectId != null && (value == null || !objectId.equals(String.valueOf(value)))) {
                    throw ApiException.badRequest("te_id " + value + " is not the objectid " + objectId);
                }
            } else {
                ignored.add(name);
                if (NOT_KEPT.contains(name) && value != null && !WHOLE.matcher(String.valueOf(value)).matches()) {
                    errors.add(new Problem.FieldError(name, "must be a whole number"));
                }
            }
        });
        Object start = mirta.get("pk_start");
        Object end = mirta.get("pk_end");
        if (errors.isEmpty() && start != null && end != null
                && Long.parseLong(String.valueOf(start)) > Long.parseLong(String.valueOf(end))) {
            errors.add(new Problem.FieldError("pk_end", "must not be below pk_start"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Change(fields, ignored);
    }

    /**
     * A tenant as MiRTA's MANAGEDB answers a row: every value a string, as PHP reads it from MySQL, and
     * {@code pk_start}/{@code pk_end} null (not kept).
     */
    static Map<String, Object> mirta(Tenant tenant) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("te_id", Long.toString(tenant.id()));
        row.put("te_code", tenant.code());
        row.put("te_name", tenant.name());
        row.put("te_enabled", tenant.enabled() ? "1" : "0");
        row.put("pk_start", null);
        row.put("pk_end", null);
        return row;
    }

    /** Core's 422 with MiRTA's field names. */
    static ApiException renamed(ApiException e) {
        if (e.problem().errors().isEmpty()) {
            return e;
        }
        List<Problem.FieldError> errors = e.problem().errors().stream().map(error -> new Problem.FieldError(
                TO_CORE.entrySet().stream().filter(entry -> entry.getValue().equals(error.field()))
                        .map(Map.Entry::getKey).findFirst().orElse(error.field()), error.message())).toList();
        Problem problem = e.problem();
        return new ApiException(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                errors), e.headers());
    }
}
