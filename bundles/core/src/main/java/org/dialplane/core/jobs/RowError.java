package org.dialplane.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is wrong with one row of an import.
 *
 * @param line    the row's line in a CSV body (the header is line 1), or its index in a JSON array (from 0)
 * @param field   the field at fault, or null when the row as a whole is (a duplicate number, say)
 * @param message what is wrong, for a human
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(int line, String field, String message) {
}
