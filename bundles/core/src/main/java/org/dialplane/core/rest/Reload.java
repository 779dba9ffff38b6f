package org.dialplane.core.rest;

import java.util.Locale;

/**
 * The {@code reload} flag of a write: whether the PBX applies its configuration afterwards. As in Issabel's
 * pbxapi it is on unless the request says {@code 0} or {@code false}, in the query ({@code ?reload=0}) or in the
 * JSON body ({@code "reload": false}); the query wins when both are given. Anything other than
 * {@code 0, 1, true, false} (as a string, number or boolean) is a 400, so a typo never silently reloads; read
 * the flag before writing anything, so that such a 400 leaves everything unchanged.
 */
public final class Reload {
    /** The name of the query parameter and of the body field. */
    public static final String NAME = "reload";

    private Reload() {
    }

    /**
     * Whether the write should apply the configuration.
     *
     * @param queryValue the {@code reload} query parameter, or {@code null}
     * @param body       the request body, or {@code null} for a request without one
     * @throws ApiException 400 when the value given is not one of the accepted ones
     */
    public static boolean requested(String queryValue, JsonBody body) {
        if (queryValue != null) {
            return parse(queryValue);
        }
        if (body != null && body.get(NAME) != null) {
            return parse(body.get(NAME));
        }
        return true;
    }

    static boolean parse(Object value) {
        Boolean flag = flag(value);
        if (flag == null) {
            throw ApiException.badRequest(NAME + ": must be 0, 1, true or false, not '" + value + "'");
        }
        return flag;
    }

    /** A boolean written as {@code true/false}, {@code 1/0} or their strings; {@code null} for anything else. */
    static Boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (value instanceof String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> null;
            };
        }
        return null;
    }
}
