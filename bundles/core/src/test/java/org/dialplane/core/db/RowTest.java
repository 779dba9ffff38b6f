package org.dialplane.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A {@link Row} must behave as the LinkedHashMap that {@link Jdbc#rows} built per row before it. */
class RowTest {
    private static Row row(String[] labels, Object... values) {
        Row.Labels shared = new Row.Labels(labels);
        Object[] kept = new Object[shared.columns.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = values[shared.columns[i] - 1];
        }
        return new Row(shared, kept);
    }

    /** What Jdbc.rows built before Row: a put per column, in column order. */
    private static Map<String, Object> map(String[] labels, Object... values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            map.put(labels[i], values[i]);
        }
        return map;
    }

    @Test
    void whenRead_thenTheSameMapInTheSameOrder() {
        String[] labels = { "extension", "name", "secret" };
        Row row = row(labels, "200", "Reception", null);
        Map<String, Object> before = map(labels, "200", "Reception", null);
        assertEquals(before, row);
        assertEquals(before.hashCode(), row.hashCode());
        assertEquals(before.toString(), row.toString());
        assertEquals(List.copyOf(before.keySet()), List.copyOf(row.keySet()));
        assertEquals("Reception", row.get("name"));
        assertNull(row.get("secret"));
        assertNull(row.get("absent"));
        assertEquals(3, row.size());
    }

    @Test
    void whenALabelRepeats_thenTheFirstPlaceAndTheLastValue() {
        String[] labels = { "id", "name", "id" };
        Row row = row(labels, "1", "a", "2");
        Map<String, Object> before = map(labels, "1", "a", "2");
        assertEquals(before.toString(), row.toString());
        assertEquals(List.of("id", "name"), row.labels());
    }

    @Test
    void whenSelectingExactlyItsFields_thenTheRowItself() {
        Row row = row(new String[] { "extension", "name" }, "200", "Reception");
        assertSame(row, row.select(List.of("extension", "name")));
    }

    @Test
    void whenSelectingOtherFields_thenThoseInThatOrderAndNullForMissing() {
        Row row = row(new String[] { "extension", "name", "tech" }, "200", "Reception", "sip");
        Row shown = row.select(List.of("tech", "missing", "extension", "tech"));
        assertEquals("{tech=sip, missing=null, extension=200}", shown.toString());
        assertEquals(List.of("tech", "missing", "extension"), shown.labels());
    }

    @Test
    void whenRowsOfOneResultSetAreSelected_thenTheyShareTheirLabels() {
        Row.Labels labels = new Row.Labels(new String[] { "extension", "name" });
        Row first = new Row(labels, new Object[] { "200", "a" });
        Row second = new Row(labels, new Object[] { "201", "b" });
        assertSame(first.labels(), second.labels());
        assertSame(first.select(List.of("name")).labels(), second.select(List.of("name")).labels());
    }

    @Test
    void whenChanged_thenRefused() {
        Row row = row(new String[] { "extension" }, "200");
        assertThrows(UnsupportedOperationException.class, () -> row.put("extension", "201"));
        assertThrows(UnsupportedOperationException.class, () -> row.entrySet().iterator().next().setValue("201"));
        assertEquals(Map.of("extension", "201"), new LinkedHashMap<>(Map.of("extension", "201")));
    }
}
