package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import org.dialplane.cdr.api.ExportFormat;

/**
 * Writes rows in one format as they come, holding none: the column names once, then each row's values (text, null
 * for none), then the end. The answer starts at {@link #begin}; rows then leave as the writers' buffers fill
 * (a few kilobytes), so that a client that went away is noticed within a few rows.
 */
interface RowWriter {

    void begin(List<String> columns) throws IOException;

    void row(List<String> values) throws IOException;

    /** Completes the document and flushes it; the output stream stays open. */
    void end() throws IOException;

    /**
     * A writer of the format for a table's rows.
     *
     * @param numbers the columns written as JSON numbers
     */
    static RowWriter of(ExportFormat format, RecordTable table, OutputStream out) {
        Set<String> numbers = table.numbers();
        return switch (format) {
            case CSV -> new CsvRowWriter(out, numbers);
            case XML -> new XmlRowWriter(out, table.plural(), table.row());
            case JSON -> new JsonRowWriter(out, numbers);
        };
    }
}
