package org.dialplane.ringgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.jobs.RowError;
import org.dialplane.core.rest.Results;
import org.junit.jupiter.api.Test;

/** The CSV form of ring groups ({@link RingGroupCsv}) and the rows' own checks ({@link RingGroupImportPlan#checked}). */
class RingGroupImportRowsTest {

    private static ImportRows.Row row(int line, Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return new ImportRows.Row(line, fields);
    }

    @Test
    void whenExported_thenMembersAreOneCellThatImportsBackAsTheSameList() {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("extension", "600");
        group.put("extension_list", List.of("201", "+4930123#", "*55"));
        Results exported = RingGroupCsv.exported(new Results(List.of(group), 1L));

        Map<?, ?> flat = (Map<?, ?>) exported.results().get(0);
        assertEquals("201-+4930123#-*55", flat.get("extension_list"));
        assertEquals(1L, exported.total());
        List<ImportRows.Row> imported = RingGroupCsv.imported(List.of(row(2, "extension", "600",
                "extension_list", flat.get("extension_list"))));
        assertEquals(List.of("201", "+4930123#", "*55"), imported.get(0).fields().get("extension_list"));
    }

    @Test
    void whenACellHasAnEmptyMember_thenItIsKeptForTheFieldCheckToRefuse() {
        List<ImportRows.Row> imported = RingGroupCsv.imported(List.of(row(2, "extension_list", "201--202")));
        List<RowError> errors = new ArrayList<>();

        RingGroupImportPlan.checked(List.of(row(2, "extension", "600", "extension_list",
                imported.get(0).fields().get("extension_list"))), "line", errors);

        assertEquals(List.of("201", "", "202"), imported.get(0).fields().get("extension_list"));
        assertEquals(1, errors.size());
        assertEquals("extension_list", errors.get(0).field());
    }

    @Test
    void whenRowsChecked_thenEachProblemNamedByItsLineAndTheGoodRowsKept() {
        List<RowError> errors = new ArrayList<>();
        List<RingGroupImportPlan.Planned> good = RingGroupImportPlan.checked(List.of(
                row(2, "extension", "600", "extension_list", List.of("201"), "confirm_calls", "on"),
                row(3, "extension", "601", "strategy", "sometimes"),
                row(4, "extension", "600", "name", "Again"),
                row(5, "name", "No number"),
                row(6, "extension", "602", "ring_time", "30")), "line", errors);

        assertEquals(List.of(2, 6), good.stream().map(RingGroupImportPlan.Planned::line).toList());
        assertEquals(Map.of("grplist", "201", "needsconf", "CHECKED"), good.get(0).change().columns());
        assertEquals(Map.of("grptime", 30), good.get(1).change().columns());
        assertEquals(List.of("3 strategy", "4 extension", "5 extension"), errors.stream()
                .map(e -> e.line() + " " + e.field()).toList());
        assertEquals("600 appears twice: first at line 2", errors.get(1).message());
    }
}
