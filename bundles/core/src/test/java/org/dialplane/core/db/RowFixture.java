package org.dialplane.core.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows as {@link Jdbc#rows} reads them, for tests outside this package. */
public final class RowFixture {
    private RowFixture() {
    }

    public static List<Map<String, Object>> rows(List<String> labels, Object[]... values) {
        Row.Labels shared = new Row.Labels(labels.toArray(String[]::new));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : values) {
            rows.add(new Row(shared, row));
        }
        return rows;
    }
}
