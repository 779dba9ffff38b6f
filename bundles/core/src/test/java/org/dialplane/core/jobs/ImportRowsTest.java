package org.dialplane.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class ImportRowsTest {
    private static final Set<String> KNOWN = Set.of("extension", "name", "secret");

    @Test
    void whenCsvHasHeaderAndRows_thenEachRowNamedByItsLineAndEmptyCellsLeftOut() {
        List<ImportRows.Row> rows = ImportRows.csv(body("\uFEFFextension,name\r\n201,Ann\r\n202,\r\n"), KNOWN);

        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals(Map.of("extension", "201", "name", "Ann"), rows.get(0).fields());
        assertEquals(3, rows.get(1).line());
        assertEquals(Map.of("extension", "202"), rows.get(1).fields());
    }

    @Test
    void whenACellSpansLines_thenTheNextRowKeepsItsOwnLineNumber() {
        List<ImportRows.Row> rows = ImportRows.csv(body("extension,name\n201,\"two\nlines\"\n\n202,B\n"), KNOWN);

        assertEquals("two\nlines", rows.get(0).fields().get("name"));
        assertEquals(2, rows.get(0).line());
        assertEquals(5, rows.get(1).line());
    }

    @Test
    void whenWrittenByCsvWriter_thenReadBackAsItWas() throws IOException {
        List<String> values = List.of("201", "=SUM(A1)", "Smith, \"Jo\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = new CsvWriter(out, List.of("extension", "name", "secret"), Set.of())) {
            writer.row(values);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("'=SUM(A1)"));

        ImportRows.Row row = ImportRows.csv(new ByteArrayInputStream(out.toByteArray()), KNOWN).get(0);

        assertEquals(values, Arrays.asList(row.fields().get("extension"), row.fields().get("name"),
                row.fields().get("secret")));
    }

    @Test
    void whenHeaderNamesAnUnknownOrRepeatedColumn_then400() {
        ApiException unknown = assertThrows(ApiException.class, () -> ImportRows.csv(body("extension,nmae\n"), KNOWN));
        assertEquals(400, unknown.problem().status());
        assertTrue(unknown.problem().detail().contains("nmae"));
        assertEquals(400, assertThrows(ApiException.class,
                () -> ImportRows.csv(body("name,name\n"), KNOWN)).problem().status());
        assertEquals(400, assertThrows(ApiException.class, () -> ImportRows.csv(body(""), KNOWN)).problem().status());
        ApiException wide = assertThrows(ApiException.class, () -> ImportRows.csv(body("name\nA,B\n"), KNOWN));
        assertTrue(wide.problem().detail().startsWith("line 2:"), wide.problem().detail());
    }

    @Test
    void whenJsonArray_thenEachObjectNamedByItsIndex() {
        List<ImportRows.Row> rows = ImportRows.json(body("[{\"extension\":\"201\",\"ringtimer\":5},{}]"));

        assertEquals(0, rows.get(0).line());
        assertEquals(Map.of("extension", "201", "ringtimer", 5), rows.get(0).fields());
        assertEquals(1, rows.get(1).line());
    }

    @Test
    void whenJsonIsNotAnArrayOfObjects_then400() {
        assertEquals(400, assertThrows(ApiException.class, () -> ImportRows.json(body("{}"))).problem().status());
        assertEquals(400, assertThrows(ApiException.class, () -> ImportRows.json(body("[1]"))).problem().status());
        assertEquals(400, assertThrows(ApiException.class, () -> ImportRows.json(body("[{"))).problem().status());
    }

    @Test
    void whenCellLooksLikeAFormula_thenNeutralisedAndRestored() {
        assertEquals("'=1", CsvWriter.neutralised("=1"));
        assertEquals("'-1", CsvWriter.neutralised("-1"));
        assertEquals("plain", CsvWriter.neutralised("plain"));
        assertEquals("=1", CsvWriter.restored("'=1"));
        assertEquals("'quoted", CsvWriter.restored("'quoted"));
    }

    @Test
    void whenRowsAreBad_thenOne422NamingEachByItsRowInOrderAndCountingBadRows() {
        ApiException invalid = ImportRows.invalid(List.of(new RowError(7, "name", "too long"),
                new RowError(3, null, "appears twice"), new RowError(7, "secret", "too short")), "line", 10);

        assertEquals(422, invalid.problem().status());
        assertEquals(List.of("line 3", "line 7: name", "line 7: secret"),
                invalid.problem().errors().stream().map(e -> e.field()).toList());
        assertTrue(invalid.problem().detail().startsWith("2 of 10 rows are invalid"), invalid.problem().detail());
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
