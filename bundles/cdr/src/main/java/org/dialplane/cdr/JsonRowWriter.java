package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Every row as {@code {"results": [{...}, ...]}}, the envelope of every list, written as the rows come; numeric
 * columns as JSON numbers.
 */
final class JsonRowWriter implements RowWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final OutputStream out;
    private final Set<String> numbers;
    private JsonGenerator json;
    private List<String> columns;

    JsonRowWriter(OutputStream out, Set<String> numbers) {
        this.out = out;
        this.numbers = numbers;
    }

    @Override
    public void begin(List<String> columns) throws IOException {
        this.columns = columns;
        json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeArrayFieldStart("results");
        json.flush(); // the answer starts now; rows then go out as the buffers fill, not one packet each
    }

    @Override
    public void row(List<String> values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            json.writeFieldName(columns.get(i));
            if (value == null) {
                json.writeNull();
            } else if (numbers.contains(columns.get(i)) && isWhole(value)) {
                json.writeNumber(value);
            } else {
                json.writeString(value);
            }
        }
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        out.flush();
    }

    private static boolean isWhole(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return false;
        }
        for (int i = value.charAt(0) == '-' ? 1 : 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return value.length() > (value.charAt(0) == '-' ? 1 : 0);
    }
}
