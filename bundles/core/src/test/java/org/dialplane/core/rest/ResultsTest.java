package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.dialplane.core.internal.rest.Json;
import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void whenListWritten_thenNoTotal() throws Exception {
        assertEquals("{\"results\":[{\"a\":1}]}", Json.MAPPER.writeValueAsString(Results.of(List.of(Map.of("a", 1)))));
    }

    @Test
    void whenPageWritten_thenItHasTheTotal() throws Exception {
        assertEquals("{\"results\":[],\"total\":42}", Json.MAPPER.writeValueAsString(Results.page(List.of(), 42)));
    }

    @Test
    void whenOneItemWritten_thenAListOfOne() throws Exception {
        assertEquals("{\"results\":[{\"a\":null}]}",
                Json.MAPPER.writeValueAsString(Results.one(new java.util.HashMap<>(java.util.Collections
                        .singletonMap("a", null)))));
    }

    /** Rows read from the database are written byte for byte as the maps they were before. */
    @Test
    void whenDatabaseRowsWritten_thenTheSameJsonAsTheirMaps() throws Exception {
        List<String> labels = List.of("extension", "name", "secret");
        List<Map<String, Object>> rows = org.dialplane.core.db.RowFixture.rows(labels,
                new Object[] { "200", "Ré \"q\" \u0001 <x>", null }, new Object[] { "201", "", "s3cr\\t" });
        List<Map<String, Object>> maps = rows.stream().map(row -> (Map<String, Object>) new java.util.LinkedHashMap<>(
                row)).toList();
        for (Results results : List.of(Results.of(rows), Results.page(rows, 7), new Results(rows, 7L, "n"),
                new Results(rows, null, "http://x/?after=1"))) {
            Results before = new Results(maps, results.total(), results.next());
            assertEquals(Json.MAPPER.writeValueAsString(new Before(before.results(), before.total(), before.next())),
                    Json.MAPPER.writeValueAsString(results));
        }
        Query shown = Query.parse(Map.of("fields", List.of("secret,extension")), FIELDS);
        assertEquals("{\"results\":[{\"secret\":null,\"extension\":\"200\"},{\"secret\":\"s3cr\\\\t\","
                + "\"extension\":\"201\"}]}", Json.MAPPER.writeValueAsString(Results.of(shown.project(rows))));
    }

    private static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "u.extension", FieldSpec.text(), FieldSet.Trait.DEFAULT)
            .field("name", "u.name", FieldSpec.text(), FieldSet.Trait.DEFAULT)
            .field("secret", "s.data", FieldSpec.text(), FieldSet.Trait.DEFAULT)
            .build();

    /** Results as Jackson wrote it before its writer: the record, nulls left out. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    private record Before(List<?> results, Long total, String next) {
    }
}
