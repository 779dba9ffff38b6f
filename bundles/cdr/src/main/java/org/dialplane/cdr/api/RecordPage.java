package org.dialplane.cdr.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of rows, answered as {@code {"results": [...], "total"?: n, "next"?: "<cursor>"}}.
 *
 * @param results the rows shown, each a map from field to value
 * @param total   the rows matching across every page when the query asked for it, else {@code null}
 * @param next    the {@code after} cursor of the next page, or {@code null} on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordPage(List<Map<String, Object>> results, Long total, String next) {
    public RecordPage {
        results = List.copyOf(results);
    }
}
