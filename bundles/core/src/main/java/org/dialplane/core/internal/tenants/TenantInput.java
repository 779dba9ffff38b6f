package org.dialplane.core.internal.tenants;

import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Tenant;
import org.dialplane.core.internal.auth.JsonInput;

/**
 * A tenant as a client sends it: {@code code}, {@code name}, {@code enabled}, and an optional extension range
 * {@code range_start}..{@code range_end}. Checks the fields and merges them into the stored tenant.
 */
final class TenantInput {
    /** Letters first, so that a code is never mistaken for a numeric id in {@code /tenants/{id}}. */
    static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    static final long MAX_EXTENSION = 9_999_999_999L;

    private TenantInput() {
    }

    static Tenant forCreate(Map<String, Object> body) {
        JsonInput input = new JsonInput(body);
        String code = input.text("code", 32, true);
        if (code != null && !CODE.matcher(code).matches()) {
            input.error("code", "must start with a letter and hold only letters, digits, '_' and '-'");
        }
        String name = input.text("name", 100, true);
        Boolean enabled = input.flag("enabled");
        Long start = input.number("range_start", MAX_EXTENSION);
        Long end = input.number("range_end", MAX_EXTENSION);
        checkRange(input, start, end);
        input.check();
        return new Tenant(0, code, name, enabled == null || enabled, start, end);
    }

    /** The stored tenant with the fields sent changed; fields not sent keep their values. */
    static Tenant forUpdate(Tenant stored, Map<String, Object> body) {
        JsonInput input = new JsonInput(body);
        if (input.has("code")) {
            String code = input.text("code", 32, true);
            if (code != null && !code.equals(stored.code())) {
                input.error("code", "cannot be changed");
            }
        }
        String name = input.has("name") ? input.text("name", 100, true) : stored.name();
        Boolean enabled = input.has("enabled") ? input.flag("enabled") : Boolean.valueOf(stored.enabled());
        if (enabled == null) {
            input.error("enabled", "must be true or false");
        }
        Long start = input.has("range_start") ? input.number("range_start", MAX_EXTENSION) : stored.rangeStart();
        Long end = input.has("range_end") ? input.number("range_end", MAX_EXTENSION) : stored.rangeEnd();
        checkRange(input, start, end);
        input.check();
        return new Tenant(stored.id(), stored.code(), name, enabled, start, end);
    }

    private static void checkRange(JsonInput input, Long start, Long end) {
        if ((start == null) != (end == null)) {
            input.error(start == null ? "range_start" : "range_end",
                    "range_start and range_end are set together or not at all");
        } else if (start != null && start > end) {
            input.error("range_end", "must not be below range_start");
        }
    }
}
