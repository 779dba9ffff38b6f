package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * RFC 4180 CSV in UTF-8, written by Jackson's CSV generator: a header row, CRLF line ends, a cell quoted when it
 * holds a comma, a quote (doubled) or a line break. A text cell a spreadsheet would run as a formula (one starting
 * with {@code = + - @}, a tab or a carriage return) is neutralised with a leading {@code '}, as OWASP advises for
 * CSV injection; numeric columns are written as they are.
 */
final class CsvRowWriter implements RowWriter {
    private static final CsvFactory FACTORY = new CsvFactory();

    private final OutputStream out;
    private final Set<String> numbers;
    private CsvGenerator csv;
    private boolean[] numeric;

    CsvRowWriter(OutputStream out, Set<String> numbers) {
        this.out = out;
        this.numbers = numbers;
    }

    @Override
    public void begin(List<String> columns) throws IOException {
        csv = (CsvGenerator) FACTORY.createGenerator(out, JsonEncoding.UTF8);
        csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        // The header is written as a row of its own: it then comes even when there is no row.
        csv.setSchema(schema.build().withoutHeader().withLineSeparator("\r\n"));
        numeric = new boolean[columns.size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = numbers.contains(columns.get(i));
        }
        write(columns, true);
        csv.flush(); // the answer starts now; rows then go out as the buffers fill, not one packet each
    }

    @Override
    public void row(List<String> values) throws IOException {
        write(values, false);
    }

    private void write(List<String> values, boolean header) throws IOException {
        csv.writeStartArray();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            csv.writeString(value == null ? "" : header || numeric[i] ? value : neutralised(value));
        }
        csv.writeEndArray();
    }

    @Override
    public void end() throws IOException {
        csv.close();
        out.flush();
    }

    /** The cell as a spreadsheet shows it without running it. */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
