package org.dialplane.core.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every successful GET, as Issabel's pbxapi answers: {@code {"results": [...]}} for a list and for a
 * single item alike, plus {@code "total"} (the number of rows matching, ignoring the page) when the request
 * asked for a page.
 *
 * @param results the items shown
 * @param total   the number of matching items across all pages, or {@code null} when not paged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Results(List<?> results, Long total) {

    public Results {
        results = results == null ? List.of() : List.copyOf(results);
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
