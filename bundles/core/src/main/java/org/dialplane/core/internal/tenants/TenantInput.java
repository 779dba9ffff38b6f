package org.dialplane.core.internal.tenants;

import java.util.regex.Pattern;

import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;

/**
 * A tenant as a client sends it: {@code code}, {@code name}, {@code enabled}, and an optional extension range
 * {@code range_start}..{@code range_end}. Checks the fields and merges them into the stored tenant.
 */
final class TenantInput {
    /** Letters first, so that a code is never mistaken for a numeric id in {@code /tenants/{id}}. */
    static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final String CODE_RULE = "a letter, then up to 31 letters, digits, '_' or '-'";

    private TenantInput() {
    }

    static Tenant forCreate(JsonBody body) {
        Validation v = Validation.of(body);
        String code = v.text("code").required().matches(CODE, CODE_RULE).value();
        String name = v.text("name").required().maxLength(100).value();
        boolean enabled = v.bool("enabled").orElse(true);
        Long start = extension(v, "range_start");
        Long end = extension(v, "range_end");
        checkRange(v, start, end);
        v.check();
        return new Tenant(0, code, name, enabled, start, end);
    }

    /** The stored tenant with the fields sent changed; fields not sent keep their values. */
    static Tenant forUpdate(Tenant stored, JsonBody body) {
        Validation v = Validation.of(body);
        String code = v.text("code").value();
        if (code != null && !code.equals(stored.code())) {
            v.error("code", "cannot be changed");
        }
        String name = body.has("name") ? v.text("name").required().maxLength(100).value() : stored.name();
        Boolean enabled = body.has("enabled") ? v.bool("enabled").required().value() : stored.enabled();
        // A field sent as null clears it: that is how a range is removed.
        Long start = body.has("range_start") ? extension(v, "range_start") : stored.rangeStart();
        Long end = body.has("range_end") ? extension(v, "range_end") : stored.rangeEnd();
        checkRange(v, start, end);
        v.check();
        return new Tenant(stored.id(), stored.code(), name, enabled, start, end);
    }

    private static Long extension(Validation v, String field) {
        Integer number = v.integer(field).range(0, Integer.MAX_VALUE).value();
        return number == null ? null : number.longValue();
    }

    private static void checkRange(Validation v, Long start, Long end) {
        if (v.errors().stream().anyMatch(error -> error.field().startsWith("range_"))) {
            return; // a bound that is not a number was reported already
        }
        if ((start == null) != (end == null)) {
            v.error(start == null ? "range_start" : "range_end",
                    "range_start and range_end are set together or not at all");
        } else if (start != null && start > end) {
            v.error("range_end", "must not be below range_start");
        }
    }
}
