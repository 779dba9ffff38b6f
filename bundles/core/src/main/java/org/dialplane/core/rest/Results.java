package org.dialplane.core.rest;

import java.io.IOException;
import java.util.List;

import org.dialplane.core.db.Row;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The body of every successful GET, as Issabel's pbxapi answers: {@code {"results": [...]}} for a list and for a
 * single item alike, plus {@code "total"} (the number of rows matching, ignoring the page) when the request
 * asked for a page, and {@code "next"} when a list paged by cursor has more (see {@link Query}).
 *
 * @param results the items shown
 * @param total   the number of matching items across all pages, or {@code null} when not counted
 * @param next    the {@code after} cursor of the next page, or {@code null}; core answers it as the URL of that
 *                page (the request's own with {@code after} set) and a {@code Link: <url>; rel="next"} header,
 *                as the cdr bundle's pages do. Since 2.2.
 * @see StreamedRows a whole list read from the database while it is written (since 2.3)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSerialize(using = Results.Writer.class)
public record Results(List<?> results, Long total, String next) {

    public Results {
        // Rows streamed from the database are read when written, not copied here (see StreamedRows).
        results = results == null ? List.of() : results instanceof StreamedRows ? results : List.copyOf(results);
    }

    /** A list with or without a count, and no next page. */
    public Results(List<?> results, Long total) {
        this(results, total, null);
    }

    /** A list, not paged. */
    public static Results of(List<?> items) {
        return new Results(items, null);
    }

    /** One page of a list. */
    public static Results page(List<?> items, long total) {
        return new Results(items, total);
    }

    /** One item, shown as a list of one. */
    public static Results one(Object item) {
        return new Results(List.of(item), null);
    }

    /**
     * Writes what Jackson would write for this record ({@code results}, then {@code total} and {@code next} unless
     * null), but database rows ({@link Row}) straight from their values, with their field names encoded once per
     * list: a list of 1,000 rows was a map serializer's look-ups 5,000 times. Anything else in the list is
     * written by Jackson as before. {@link StreamedRows} are written as they are read, the same bytes.
     */
    static final class Writer extends StdSerializer<Results> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Results.class);
        }

        @Override
        public void serialize(Results value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(value);
            json.writeFieldName("results");
            Items items = new Items(json, provider);
            if (value.results() instanceof StreamedRows streamed) {
                json.writeStartArray();
                streamed.writeTo(items::write);
            } else {
                json.writeStartArray(value.results(), value.results().size());
                for (Object item : value.results()) {
                    items.write(item);
                }
            }
            json.writeEndArray();
            if (value.total() != null) {
                json.writeNumberField("total", value.total().longValue());
            }
            if (value.next() != null) {
                json.writeStringField("next", value.next());
            }
            json.writeEndObject();
        }

        /** Writes the items of one list, the field names of its rows encoded once. */
        private static final class Items {
            private final JsonGenerator json;
            private final SerializerProvider provider;
            private List<String> labels;
            private SerializableString[] names;

            Items(JsonGenerator json, SerializerProvider provider) {
                this.json = json;
                this.provider = provider;
            }

            void write(Object item) throws IOException {
                if (item instanceof Row row) {
                    if (row.labels() != labels) { // the same instance for every row of one result set
                        labels = row.labels();
                        names = labels.stream().map(SerializedString::new).toArray(SerializableString[]::new);
                    }
                    writeRow(row);
                } else {
                    provider.defaultSerializeValue(item, json);
                }
            }

            private void writeRow(Row row) throws IOException {
                json.writeStartObject(row);
                for (int i = 0; i < names.length; i++) {
                    json.writeFieldName(names[i]);
                    Object field = row.value(i);
                    if (field == null) {
                        json.writeNull();
                    } else if (field instanceof String text) {
                        json.writeString(text);
                    } else {
                        provider.defaultSerializeValue(field, json);
                    }
                }
                json.writeEndObject();
            }
        }
    }
}
