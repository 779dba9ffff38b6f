package org.dialplane.cdr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Cursor;
import org.dialplane.core.rest.Query;

/**
 * Parses the query parameters of a list or export into a {@link RecordRequest}: {@code fields}, {@code limit} and
 * {@code search} as every collection ({@link Query}); {@code start} (inclusive) and {@code end} (exclusive), each a
 * date or an ISO date-time in the PBX's local time; the table's exact filters and minimums; {@code after},
 * {@code total} and {@code tenant}. Anything malformed is a 400 naming the parameter; a tenant's caller asking for
 * another tenant, or all of them, a 403.
 */
final class RecordRequests {
    /** The {@code tenant} values that ask for every tenant's rows (MiRTA's {@code %}). */
    static final Set<String> ALL_TENANTS = Set.of("%", "*");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS]");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final int MAX_FILTER_LENGTH = 255;

    private final Tenants tenants;

    RecordRequests(Tenants tenants) {
        this.tenants = tenants;
    }

    RecordRequest parse(Map<String, List<String>> parameters, Caller caller, RecordTable table, Set<String> present,
            List<String> keys) {
        Query query = Query.parse(parameters, table.fields());
        if (query.offset() > 0) {
            throw ApiException.badRequest("offset: these lists page by cursor: follow next, or send after=<next>");
        }
        if (query.direction() != Query.Direction.ASC) {
            throw ApiException.badRequest("direction: rows always come oldest first");
        }
        LocalDateTime start = time(parameters, "start");
        LocalDateTime end = time(parameters, "end");
        if (start != null && end != null && !end.isAfter(start)) {
            throw ApiException.badRequest("end: must be after start (start is inclusive, end exclusive)");
        }
        String time = "r." + table.time();
        SqlFragment filter = SqlFragment.where(
                start == null ? SqlFragment.EMPTY : SqlFragment.of(time + " >= ?", text(start)),
                end == null ? SqlFragment.EMPTY : SqlFragment.of(time + " < ?", text(end)),
                exact(parameters, table, present), minimums(parameters, table, present), query.searchCondition());
        if (!filter.isEmpty()) {
            filter = SqlFragment.of(filter.sql().substring(" WHERE ".length()), filter.params().toArray());
        }
        String after = single(parameters, "after");
        List<String> key = after == null || after.isBlank() ? null
                : Cursor.decode(after, table.table(), keys.size() + 1);
        return new RecordRequest(table, query.fields(), query.limit().orElse(null), flag(parameters, "total"),
                tenant(single(parameters, "tenant"), caller), filter, key, start, end, caller.name());
    }

    /**
     * The tenant whose rows are asked for, or null for all. A global caller names one by its code or asks for all
     * with {@code %} or {@code *} (or nothing); a tenant's caller gets its own, and a 403 for any other.
     */
    TenantScope tenant(String code, Caller caller) {
        String asked = code == null || code.isBlank() ? null : code.trim();
        if (!caller.global()) {
            if (asked != null && !asked.equals(caller.tenantCode())) {
                throw ApiException.forbidden("tenant: a tenant's key reads its own tenant's records only ("
                        + caller.tenantCode() + ")");
            }
            return new TenantScope(caller.tenantId(), caller.tenantCode());
        }
        if (asked == null || ALL_TENANTS.contains(asked)) {
            return null;
        }
        Tenant tenant = tenants.byCode(asked)
                .orElseThrow(() -> ApiException.badRequest("tenant: no tenant " + asked));
        return new TenantScope(tenant.id(), tenant.code());
    }

    /** A date ({@code 2017-01-01}, its midnight) or a date-time ({@code 2017-01-01T08:30[:00]}, or with a space). */
    static LocalDateTime time(Map<String, List<String>> parameters, String name) {
        String text = single(parameters, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                return LocalDate.parse(trimmed).atStartOfDay();
            }
            if (trimmed.length() > 10 && trimmed.charAt(10) == 'T') {
                return LocalDateTime.parse(trimmed);
            }
            return LocalDateTime.parse(trimmed, SPACED);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": a date (2017-01-01) or an ISO date-time (2017-01-01T08:30:00)"
                    + " in the PBX's local time, without a zone; not '" + text + "'");
        }
    }

    /** As the database compares it with a DATETIME column, or with the text of an older queue_log's. */
    private static String text(LocalDateTime time) {
        return (time.getNano() == 0 ? SECONDS : MICROS).format(time);
    }

    private static SqlFragment exact(Map<String, List<String>> parameters, RecordTable table, Set<String> present) {
        SqlFragment all = SqlFragment.EMPTY;
        for (var filter : new java.util.TreeMap<>(table.filters()).entrySet()) {
            String value = single(parameters, filter.getKey());
            if (value == null || value.isEmpty()) {
                continue;
            }
            requirePresent(filter.getKey(), filter.getValue(), present);
            if (value.length() > MAX_FILTER_LENGTH) {
                throw ApiException.badRequest(filter.getKey() + ": at most " + MAX_FILTER_LENGTH + " characters");
            }
            if (filter.getKey().equals("disposition")) {
                value = value.trim().toUpperCase(Locale.ROOT);
                if (!CdrFields.DISPOSITIONS.contains(value)) {
                    throw ApiException.badRequest("disposition: one of " + String.join(", ", CdrFields.DISPOSITIONS));
                }
            }
            SqlFragment condition = SqlFragment.of("r." + filter.getValue() + " = ?", value);
            all = all.isEmpty() ? condition : all.append(" AND ").append(condition);
        }
        return all;
    }

    private static SqlFragment minimums(Map<String, List<String>> parameters, RecordTable table,
            Set<String> present) {
        SqlFragment all = SqlFragment.EMPTY;
        for (var minimum : table.minimums().entrySet()) {
            String value = single(parameters, minimum.getKey());
            if (value == null || value.isBlank()) {
                continue;
            }
            requirePresent(minimum.getKey(), minimum.getValue(), present);
            long at;
            try {
                at = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                at = -1;
            }
            if (at < 0 || at > Integer.MAX_VALUE) {
                throw ApiException.badRequest(minimum.getKey() + ": a whole number of seconds, 0 or more; not '"
                        + value + "'");
            }
            SqlFragment condition = SqlFragment.of("r." + minimum.getValue() + " >= ?", at);
            all = all.isEmpty() ? condition : all.append(" AND ").append(condition);
        }
        return all;
    }

    private static void requirePresent(String parameter, String column, Set<String> present) {
        if (!present.contains(column)) {
            throw ApiException.badRequest(parameter + ": this PBX's table has no " + column + " column");
        }
    }

    private static boolean flag(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest(name + ": true or false, not '" + value + "'");
        };
    }

    static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name + ": given more than once");
        }
        return values.get(0);
    }
}
