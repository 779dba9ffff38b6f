package org.dialplane.core.db;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row of a query, as {@link Jdbc#rows} reads it: an unmodifiable map from column label to value, in the
 * order of the columns. The rows of one result set share their labels (looked up once per result set, not per
 * row) and each holds only an array of its values, so reading, showing a subset of the fields
 * ({@link #select}) and writing a long list costs an array per row instead of a hash map per row. Copy it
 * ({@code new LinkedHashMap<>(row)}) to change it. Since 2.2.
 */
public final class Row extends AbstractMap<String, Object> {
    private final Labels labels;
    private final Object[] values;

    Row(Labels labels, Object[] values) {
        this.labels = labels;
        this.values = values;
    }

    /**
     * The labels of a row, in order, without repeats: the same instance for every row of one result set, so a
     * caller showing many rows can compare it by identity and work out its field positions once.
     */
    public List<String> labels() {
        return labels.names;
    }

    /** The value of the label at this position in {@link #labels()}. */
    public Object value(int position) {
        return values[position];
    }

    /**
     * This row with only these fields, in this order; a field the row lacks is {@code null}. The row itself when
     * it already holds exactly those fields in that order (the usual case: a repository selects what is shown).
     */
    public Row select(List<String> fields) {
        Labels.Selection selection = labels.selection(fields);
        if (selection.identity()) {
            return this;
        }
        int[] from = selection.from();
        Object[] shown = new Object[from.length];
        for (int i = 0; i < from.length; i++) {
            shown[i] = from[i] < 0 ? null : values[from[i]];
        }
        return new Row(selection.labels(), shown);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return labels.index.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        Integer position = labels.index.get(key);
        return position == null ? null : values[position];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int position = next++;
                        return new SimpleImmutableEntry<>(labels.names.get(position), values[position]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** The column labels of one result set; which column each label is read from, and field selections. */
    static final class Labels {
        final List<String> names;
        final Map<String, Integer> index;
        /** Per label, the 1-based column it is read from: the last of that label, as a map's put would keep. */
        final int[] columns;
        /** The last selection asked for: a list shows every row with the same fields. */
        private volatile Selection last;

        Labels(String[] columnLabels) {
            Map<String, Integer> positions = new HashMap<>();
            String[] distinct = new String[columnLabels.length];
            int[] from = new int[columnLabels.length];
            int count = 0;
            for (int column = 0; column < columnLabels.length; column++) {
                Integer seen = positions.get(columnLabels[column]);
                if (seen == null) {
                    positions.put(columnLabels[column], count);
                    distinct[count] = columnLabels[column];
                    from[count++] = column + 1;
                } else {
                    from[seen] = column + 1;
                }
            }
            String[] kept = Arrays.copyOf(distinct, count);
            this.names = new AbstractList<>() { // unmodifiable, and cheap to compare by identity
                @Override
                public String get(int position) {
                    return kept[position];
                }

                @Override
                public int size() {
                    return kept.length;
                }
            };
            this.index = positions;
            this.columns = Arrays.copyOf(from, count);
        }

        Selection selection(List<String> fields) {
            Selection selection = last;
            if (selection != null && selection.fields().equals(fields)) {
                return selection;
            }
            if (names.equals(fields)) {
                selection = new Selection(List.copyOf(fields), this, null);
            } else {
                List<String> shown = fields.stream().distinct().toList(); // a field asked twice shows once
                int[] from = new int[shown.size()];
                for (int i = 0; i < from.length; i++) {
                    Integer position = index.get(shown.get(i));
                    from[i] = position == null ? -1 : position;
                }
                selection = new Selection(List.copyOf(fields), new Labels(shown.toArray(String[]::new)), from);
            }
            last = selection;
            return selection;
        }

        /** Fields shown from rows of these labels: {@code from} null when they are the labels themselves. */
        record Selection(List<String> fields, Labels labels, int[] from) {
            boolean identity() {
                return from == null;
            }
        }
    }
}
