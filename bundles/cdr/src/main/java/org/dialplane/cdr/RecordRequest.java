package org.dialplane.cdr;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.RecordQuery;
import org.dialplane.core.db.SqlFragment;

/**
 * A checked request for rows of a table ({@link RecordRequests#parse}): the filters as SQL over the table's own
 * columns (request text only ever in parameters), the tenant, the page and the fields.
 *
 * @param table   the table
 * @param fields  the fields shown
 * @param pageSize the page size, or null for every row
 * @param total   whether to count the rows matching
 * @param scope   the one tenant whose rows these are, or null for every tenant's (the admin format)
 * @param filter  the filters' condition (without the tenant's), empty for none
 * @param after   the key after which rows start, or null from the first
 * @param start   the start asked for, or null
 * @param end     the end asked for, or null
 * @param caller  the name of the caller it was parsed for, and its tenant ({@code caller} is re-checked by the
 *                services: a query goes only to the caller it was checked for)
 */
record RecordRequest(RecordTable table, List<String> fields, Integer pageSize, boolean total, TenantScope scope,
        SqlFragment filter, List<String> after, LocalDateTime start, LocalDateTime end, String caller)
        implements RecordQuery {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    @Override
    public Optional<Integer> limit() {
        return Optional.ofNullable(pageSize);
    }

    @Override
    public Optional<String> tenant() {
        return scope == null ? Optional.empty() : Optional.of(scope.code());
    }

    @Override
    public String fileName(ExportFormat format) {
        StringJoiner name = new StringJoiner("-", "", "." + format.extension());
        name.add(table.plural()).add(scope == null ? "all" : safe(scope.code()));
        if (start != null) {
            name.add(moment(start));
        }
        if (end != null) {
            name.add(moment(end));
        }
        return name.toString();
    }

    private static String moment(LocalDateTime time) {
        return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DAY.format(time) : MOMENT.format(time);
    }

    /** Only what a file name may hold unquoted: a tenant code is checked when created, this is belt and braces. */
    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
