package org.dialplane.bench.baseline;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A row as core's {@code db/Row} holds it since core 2.2 (the labels read once per result set, an array of values
 * per row) and written as core's {@code Results.Writer} writes it (field names encoded once per result set), so
 * that the baseline does no more per row than the product: a map per row here would make the ratio flatter the
 * product.
 */
final class Row extends AbstractMap<String, Object> {
    private final SerializedString[] names;
    private final Object[] values;

    Row(SerializedString[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].getValue().equals(key)) {
                return values[i];
            }
        }
        return null;
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
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i].getValue(), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** Writes a row from its values; every value is text or null, as {@code Jdbc.rows} reads it. */
    static final class Writer extends StdSerializer<Row> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Row.class);
        }

        @Override
        public void serialize(Row row, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(row);
            for (int i = 0; i < row.values.length; i++) {
                json.writeFieldName(row.names[i]);
                if (row.values[i] == null) {
                    json.writeNull();
                } else {
                    json.writeString((String) row.values[i]);
                }
            }
            json.writeEndObject();
        }
    }
}
