package org.dialplane.cdr;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.FieldSet;

/**
 * A log table of the CDR database as the API shows it. Its fields are declared with the table's bare column names
 * (aliased {@code r}); a column the table lacks (an older {@code cdr} without {@code linkedid}) is shown as null,
 * and a filter on it is a 400.
 *
 * @param table    the table ({@code cdr})
 * @param row      what one row is called (the XML element: {@code cdr})
 * @param plural   what the rows are called (the XML root and the file name: {@code cdrs})
 * @param fields   the fields, {@code fields=} and {@code search=} as every collection
 * @param numbers  the fields answered as JSON numbers
 * @param time     the column {@code start} and {@code end} bound, and the first key of the order
 * @param keys     the columns rows are ordered by after {@code time}: the first choice whose columns the table
 *                 has. Rows may tie on all of them (the {@code cdr} table has no primary key): a page then
 *                 still ends between rows of different keys (see {@link RecordReader#page})
 * @param filters  query parameter -> column matched exactly
 * @param minimums query parameter -> numeric column that must be at least the value
 * @param owners   the columns that say whose a row is ({@link Tenancy}), read for the admin format
 */
record RecordTable(String table, String row, String plural, FieldSet fields, Set<String> numbers, String time,
        List<List<String>> keys, Map<String, String> filters, Map<String, String> minimums, List<String> owners) {

    /** The table's column of a field. */
    String column(String field) {
        String column = fields.field(field).orElseThrow().column();
        return column.substring(column.indexOf('.') + 1);
    }
}
