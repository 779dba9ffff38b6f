package org.dialplane.core.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every successful GET, as Issabel's pbxapi answers: {@code {"results": [...]}} for a list and for a
 * single item alike, plus {@code "total"} (the number of rows matching, ignoring the page) when the request
 * asked for a page, and {@code "next"} when a list paged by cursor has more (see {@link Query}).
 *
 * @param results the items shown
 * @param total   the number of matching items across all pages, or {@code null} when not counted
 * @param next    the {@code after} cursor of the next page, or {@code null}; core answers it as the URL of that
 *                page (the request's own with {@code after} set) and a {@code Link: <url>; rel="next"} header,
 *                as the cdr bundle's pages do. Since 2.2.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Results(List<?> results, Long total, String next) {

    public Results {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A list with or without a count, and no next page. */
    public Results(List<?> results, Long total) {
        this(results, total, null);
    }

    /** A list, not paged. */
    public static Results of(List<?> items) {
        return new Results(items, null);
    }

    /** One page of a list. */
    public static Results page(List<?> items, long total) {
        return new Results(items, total);
    }

    /** One item, shown as a list of one. */
    public static Results one(Object item) {
        return new Results(List.of(item), null);
    }
}
