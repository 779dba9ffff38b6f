package org.dialplane.core.jobs;

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
 * CSV injection; numeric columns are written as they are. {@link ImportRows} reads such a cell back as it was.
 * The cdr bundle's exports and the bulk exports of extensions and ring groups share it.
 */
public final class CsvWriter implements AutoCloseable {
    private static final CsvFactory FACTORY = new CsvFactory();

    private final OutputStream out;
    private final CsvGenerator csv;
    private final boolean[] numeric;

    /**
     * Starts a document: writes the header row and flushes it, so the answer starts now; rows then go out as the
     * buffers fill, not one packet each.
     *
     * @param numbers the columns written as they are (never neutralised)
     */
    public CsvWriter(OutputStream out, List<String> columns, Set<String> numbers) throws IOException {
        this.out = out;
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
        csv.flush();
    }

    /** One row: text values in the columns' order, null for none (an empty cell). */
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

    /** Completes the document and flushes it; the output stream stays open. */
    @Override
    public void close() throws IOException {
        csv.close();
        out.flush();
    }

    /** The cell as a spreadsheet shows it without running it. */
    public static String neutralised(String cell) {
        return formula(cell, 0) ? "'" + cell : cell;
    }

    /** A cell {@link #neutralised} read back as it was written. */
    public static String restored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && formula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean formula(String cell, int at) {
        if (cell.length() <= at) {
            return false;
        }
        char first = cell.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
