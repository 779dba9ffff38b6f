package org.dialplane.core.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.db.Row;
import org.dialplane.core.db.SqlFragment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.ws.rs.core.UriInfo;

/**
 * What a GET asks for, parsed and checked against the resource's {@link FieldSet}: the fields to show
 * ({@code fields}), the page ({@code limit}, {@code offset}, or the cursor {@code after} of the page before), the
 * sort ({@code order}, {@code direction}), a text filter ({@code search}) and whether to count ({@code total}).
 * Immutable; a resource parses it once and hands it to its repository, which turns it into SQL with
 * {@link #searchCondition()}, {@link #keyset()}, {@link #orderBy()} and {@link #limitOffset()}, and shows rows
 * with {@link #project(Object)}. Other query parameters are left alone.
 *
 * <p>Cursor paging (since 2.2): when the order is a {@link FieldSet.Trait#KEY} field, a full page answers
 * {@code next} (see {@link Crud#list}), whose {@code after} cursor holds the last row's key; the next page is the
 * rows after that key ({@link #keyset()}), which an index serves in constant time however deep the page, and which
 * inserts and deletes between pages neither shift nor repeat. A list of another order refuses {@code after}.
 */
public final class Query {
    /** The largest page a request may ask for. Without {@code limit}, a list is not paged at all. */
    public static final int MAX_LIMIT = 1000;
    /** The longest {@code search} text accepted. */
    public static final int MAX_SEARCH_LENGTH = 100;
    /** The escape character of the LIKE patterns; not a backslash, whose meaning depends on the SQL mode. */
    static final char LIKE_ESCAPE = '!';
    /** Turns a record row into the map it is written as (nulls kept: a field the row has is shown). */
    private static final ObjectMapper ROWS = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    /** Sort direction. */
    public enum Direction {
        ASC, DESC
    }

    private final FieldSet fieldSet;
    private final List<String> fields;
    private final Integer limit;
    private final int offset;
    private final FieldSet.Field order;
    private final Direction direction;
    private final String search;
    private final String after;
    private final Boolean total;

    private Query(FieldSet fieldSet, List<String> fields, Integer limit, int offset, FieldSet.Field order,
            Direction direction, String search, String after, Boolean total) {
        this.fieldSet = fieldSet;
        this.fields = fields;
        this.limit = limit;
        this.offset = offset;
        this.order = order;
        this.direction = direction;
        this.search = search;
        this.after = after;
        this.total = total;
    }

    /** The query of a request. */
    public static Query of(UriInfo uri, FieldSet fieldSet) {
        return parse(uri.getQueryParameters(), fieldSet);
    }

    /**
     * Parses query parameters.
     *
     * @throws ApiException 400 naming the parameter when one is malformed, unknown to the field set or repeated
     */
    public static Query parse(Map<String, List<String>> parameters, FieldSet fieldSet) {
        List<String> fields = fieldSet.select(single(parameters, "fields"));
        Integer limit = integer(parameters, "limit", 1, MAX_LIMIT);
        Integer offset = integer(parameters, "offset", 0, Integer.MAX_VALUE);
        String orderName = single(parameters, "order");
        FieldSet.Field order = fieldSet.defaultOrder();
        if (orderName != null && !orderName.isBlank()) {
            order = fieldSet.field(orderName.trim()).orElseThrow(() -> ApiException.badRequest(
                    "order: unknown field " + orderName.trim() + "; known fields: " + String.join(", ",
                            fieldSet.names())));
            if (!order.sortable()) {
                throw ApiException.badRequest("order: lists cannot be sorted by " + order.name());
            }
        }
        Direction direction = Direction.ASC;
        String directionName = single(parameters, "direction");
        if (directionName != null && !directionName.isBlank()) {
            try {
                direction = Direction.valueOf(directionName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("direction: must be asc or desc, not '" + directionName + "'");
            }
        }
        String search = single(parameters, "search");
        if (search != null) {
            search = search.trim();
            if (search.isEmpty()) {
                search = null;
            } else if (search.length() > MAX_SEARCH_LENGTH) {
                throw ApiException.badRequest("search: at most " + MAX_SEARCH_LENGTH + " characters");
            } else if (fieldSet.searchable().isEmpty()) {
                throw ApiException.badRequest("search: this resource cannot be searched");
            }
        }
        String after = single(parameters, "after");
        String key = null;
        // A resource whose fields have no KEY pages in its own way (the cdr bundle's cursor): its after is its own.
        if (after != null && !after.isBlank() && !keyNames(fieldSet).isEmpty()) {
            if (order == null || !order.key()) {
                throw ApiException.badRequest("after: pages by cursor only in the order of "
                        + String.join(", ", keyNames(fieldSet)));
            }
            if (offset != null && offset > 0) {
                throw ApiException.badRequest("offset: not with after; a cursor says where the page starts");
            }
            key = Cursor.decode(after, scope(order, direction), 1).get(0);
        }
        return new Query(fieldSet, fields, limit, offset == null ? 0 : offset, order, direction, search, key,
                bool(parameters, "total"));
    }

    /** The field names to show, in the order to show them. */
    public List<String> fields() {
        return fields;
    }

    /**
     * This query without some fields, e.g. a secret a read-only caller must not see. The other settings stay.
     */
    public Query hiding(String... hidden) {
        List<String> kept = new ArrayList<>(fields);
        kept.removeAll(List.of(hidden));
        return new Query(fieldSet, List.copyOf(kept), limit, offset, order, direction, search, after, total);
    }

    /** This query without the fields its field set declares secret: for a read-only caller. */
    public Query hidingSecrets() {
        return hiding(fieldSet.secretNames().toArray(String[]::new));
    }

    /** Whether the field is among those shown: a repository may skip fetching what is not. */
    public boolean shows(String field) {
        return fields.contains(field);
    }

    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }

    public int offset() {
        return offset;
    }

    /** The sort field; {@code null} only when the field set has no sortable field. */
    public FieldSet.Field order() {
        return order;
    }

    public Direction direction() {
        return direction;
    }

    public Optional<String> search() {
        return Optional.ofNullable(search);
    }

    /** Whether the request asked for a page. */
    public boolean paginated() {
        return limit != null || offset > 0 || after != null;
    }

    /**
     * The key of the row the page starts after ({@code after=}, decoded), in the order's field; empty on a first
     * page. Since 2.2.
     */
    public Optional<String> after() {
        return Optional.ofNullable(after);
    }

    /**
     * Whether the answer carries {@code total} (a count of every matching row, which costs a pass over them):
     * as {@code total=true|false} says, else for a page by offset (as always) but not for a page by cursor.
     * Since 2.2.
     */
    public boolean counted() {
        return total != null ? total : (limit != null || offset > 0) && after == null;
    }

    /**
     * {@code (order-column > ?)} ({@code <} when descending) with the cursor's key: the rows after the previous
     * page; empty without {@code after}. Combine it with {@link SqlFragment#where(SqlFragment...)}. Since 2.2.
     */
    public SqlFragment keyset() {
        if (after == null) {
            return SqlFragment.EMPTY;
        }
        return SqlFragment.of("(" + order.column() + (direction == Direction.ASC ? " > ?)" : " < ?)"), after);
    }

    /**
     * The {@code after} cursor of the page following these rows (as a repository returned them, before
     * {@link #project}): when the list is ordered by a key and the page is full, else empty (the last page).
     * Since 2.2.
     */
    public Optional<String> next(List<?> rows) {
        if (limit == null || order == null || !order.key() || rows.isEmpty() || rows.size() < limit) {
            return Optional.empty();
        }
        Object last = rows.get(rows.size() - 1);
        Map<?, ?> row = last instanceof Map<?, ?> map ? map : ROWS.convertValue(last, ROW);
        Object key = row.get(order.name());
        return key == null ? Optional.empty() : Optional.of(Cursor.encode(scope(order, direction),
                List.of(key.toString())));
    }

    /**
     * {@code (c1 LIKE ? OR c2 LIKE ?)} over the searchable columns, matching the search text anywhere, with
     * {@code %} and {@code _} in it matched literally; empty without {@code search}. Combine it with
     * {@link SqlFragment#where(SqlFragment...)}.
     */
    public SqlFragment searchCondition() {
        if (search == null) {
            return SqlFragment.EMPTY;
        }
        String pattern = "%" + escapeLike(search) + "%";
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (FieldSet.Field field : fieldSet.searchable()) {
            conditions.add(field.column() + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
            params.add(pattern);
        }
        return new SqlFragment("(" + String.join(" OR ", conditions) + ")", params);
    }

    /** {@code " ORDER BY column ASC|DESC"} from the field set's whitelist; empty when nothing is sortable. */
    public SqlFragment orderBy() {
        return order == null ? SqlFragment.EMPTY : SqlFragment.of(" ORDER BY " + order.column() + " " + direction);
    }

    /**
     * {@code "SELECT column AS field, ..."} for the fields this query shows, and {@code key} always (it keys the
     * rows). A field's column is its FieldSet column, which is also what it sorts and searches by; {@code asText}
     * overrides the selected expression where that column is not the value to show (such as a CAST for numeric
     * order). Columns come from the resource's own declarations, never from the request.
     */
    public SqlFragment select(String key, Map<String, String> asText) {
        java.util.StringJoiner columns = new java.util.StringJoiner(", ", "SELECT ", "");
        java.util.LinkedHashSet<String> selected = new java.util.LinkedHashSet<>();
        selected.add(key);
        if (order != null && order.key()) {
            selected.add(order.name()); // its value is the next page's cursor
        }
        selected.addAll(fields);
        for (String field : selected) {
            String column = asText.getOrDefault(field, fieldSet.field(field).orElseThrow().column());
            columns.add(column + " AS " + field);
        }
        return SqlFragment.of(columns.toString());
    }

    /** {@code " LIMIT ? OFFSET ?"} with both as parameters; empty when the request asked for no page. */
    public SqlFragment limitOffset() {
        if (!paginated()) {
            return SqlFragment.EMPTY;
        }
        // MariaDB has no OFFSET without LIMIT: an offset alone pages up to the largest row count.
        long rows = limit == null ? Long.MAX_VALUE : limit;
        return after != null ? SqlFragment.of(" LIMIT ?", rows) : SqlFragment.of(" LIMIT ? OFFSET ?", rows, (long) offset);
    }

    /**
     * One row as shown: only the requested fields, in the requested order; a field the row lacks shows as
     * {@code null}. A row is a {@code Map} keyed by field name, or any object Jackson can turn into one (a record
     * whose components carry the JSON names). A {@link Row} read by {@code Jdbc.rows} is shown as a
     * {@link Row} (itself, when it holds exactly the fields shown), unmodifiable like it.
     */
    public Map<String, Object> project(Object row) {
        if (row instanceof Row read) {
            return read.select(fields); // no copy when the row holds exactly the fields shown
        }
        Map<?, ?> all = row instanceof Map<?, ?> map ? map : ROWS.convertValue(row, ROW);
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String field : fields) {
            shown.put(field, all.get(field));
        }
        return shown;
    }

    /** Every row as shown. */
    public List<Map<String, Object>> project(List<?> rows) {
        return rows.stream().map(this::project).toList();
    }

    /** The search text with the LIKE wildcards and the escape character escaped. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name + ": given more than once");
        }
        return values.get(0);
    }

    private static String scope(FieldSet.Field order, Direction direction) {
        return order.name() + " " + direction.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> keyNames(FieldSet fieldSet) {
        return fieldSet.fields().stream().filter(FieldSet.Field::key).map(FieldSet.Field::name).toList();
    }

    private static Boolean bool(Map<String, List<String>> parameters, String name) {
        String text = single(parameters, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw ApiException.badRequest(name + ": true or false, not '" + text + "'");
        };
    }

    private static Integer integer(Map<String, List<String>> parameters, String name, int min, int max) {
        String text = single(parameters, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw ApiException.badRequest(name + ": must be a whole number from " + min + " to " + max + ", not '"
                + text + "'");
    }

    @Override
    public String toString() {
        return "Query[fields=" + fields + ", limit=" + limit + ", offset=" + offset + ", order="
                + (order == null ? null : order.name()) + " " + direction + ", search=" + search + ", after=" + after
                + ", total=" + total + "]";
    }
}
