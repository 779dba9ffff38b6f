package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import org.dialplane.core.jobs.CsvWriter;

/**
 * CSV rows through core's {@link CsvWriter} (RFC 4180 in UTF-8, a header row, CRLF line ends, formula cells
 * neutralised with a leading {@code '}, numeric columns written as they are), which the bulk exports of
 * extensions share.
 */
final class CsvRowWriter implements RowWriter {
    private final OutputStream out;
    private final Set<String> numbers;
    private CsvWriter csv;

    CsvRowWriter(OutputStream out, Set<String> numbers) {
        this.out = out;
        this.numbers = numbers;
    }

    @Override
    public void begin(List<String> columns) throws IOException {
        csv = new CsvWriter(out, columns, numbers);
    }

    @Override
    public void row(List<String> values) throws IOException {
        csv.row(values);
    }

    @Override
    public void end() throws IOException {
        csv.close();
    }

    /** The cell as a spreadsheet shows it without running it. */
    static String neutralised(String cell) {
        return CsvWriter.neutralised(cell);
    }
}
