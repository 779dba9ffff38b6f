package org.dialplane.ringgroups;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.rest.Results;

/**
 * Ring groups in CSV, the one field that is not a single value: {@code extension_list} is a cell of the members
 * joined with {@value #SEPARATOR}, as IssabelPBX stores it in {@code grplist} ({@code 201-202-5551234#}); no member
 * can hold a {@code -} ({@link RingGroupFields#MEMBER}), so the cell splits back into the same list. The export
 * writes it so and the import reads it so: an export imports back unchanged. Every other field is its JSON value
 * as text.
 */
final class RingGroupCsv {
    static final String SEPARATOR = "-";

    private RingGroupCsv() {
    }

    /** The list's rows with {@code extension_list} as one cell. */
    static Results exported(Results results) {
        List<Object> rows = results.results().stream().map(item -> {
            if (item instanceof Map<?, ?> row && row.get(RingGroupFields.MEMBERS) instanceof List<?> members) {
                Map<Object, Object> flat = new LinkedHashMap<>(row);
                flat.put(RingGroupFields.MEMBERS, String.join(SEPARATOR, members.stream().map(String::valueOf)
                        .toList()));
                return (Object) flat;
            }
            return item;
        }).toList();
        return new Results(rows, results.total(), results.next());
    }

    /**
     * The rows of a CSV import with {@code extension_list} as the list a JSON body sends; an empty item (a cell
     * {@code 201--202}) stays in the list, so the field's own check refuses it rather than it being dropped.
     */
    static List<ImportRows.Row> imported(List<ImportRows.Row> rows) {
        return rows.stream().map(row -> {
            if (!(row.fields().get(RingGroupFields.MEMBERS) instanceof String cell)) {
                return row;
            }
            Map<String, Object> fields = new LinkedHashMap<>(row.fields());
            fields.put(RingGroupFields.MEMBERS, Arrays.stream(cell.split(SEPARATOR, -1)).map(String::trim).toList());
            return new ImportRows.Row(row.line(), fields);
        }).toList();
    }
}
