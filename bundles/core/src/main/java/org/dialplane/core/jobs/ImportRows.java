package org.dialplane.core.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The rows of an import body: CSV (RFC 4180, a header row of field names, as {@link CsvWriter} writes it) or a
 * JSON array of objects. An empty CSV cell is a field not sent, as a field left out of a JSON object; a cell
 * {@link CsvWriter} neutralised for spreadsheets ({@code '=...}) is read back as it was, so an export imports
 * unchanged. A body that cannot be read as either is a 400 saying where.
 */
public final class ImportRows {
    /** The most rows one import takes. */
    public static final int MAX_ROWS = 100_000;

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row.
     *
     * @param line   its line in the CSV (the header is line 1) or its index in the JSON array (from 0)
     * @param fields the fields it sends, by name, in the order sent
     */
    public record Row(int line, Map<String, Object> fields) {
    }

    private ImportRows() {
    }

    /**
     * Reads a CSV body.
     *
     * @param known the column names the resource knows; another one in the header is a 400 (a typo would else
     *              drop a column silently)
     */
    public static List<Row> csv(InputStream body, Set<String> known) {
        try (JsonParser parser = CSV.getFactory().createParser(body)) {
            ((CsvParser) parser).setSchema(CsvSchema.emptySchema().withoutHeader());
            ((CsvParser) parser).enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            int nextLine = 1;
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.badRequest("the CSV body is empty: it needs a header row of field names");
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    break;
                }
                // Counted here: Jackson's location does not count the line breaks inside quoted cells.
                int line = nextLine;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    cells.add(parser.getText());
                    nextLine += (int) parser.getText().chars().filter(c -> c == '\n').count();
                }
                nextLine++;
                if (cells.isEmpty() || cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (header == null) {
                    header = header(cells, known);
                    continue;
                }
                rows.add(new Row(line, fields(header, cells, line)));
                if (rows.size() > MAX_ROWS) {
                    throw ApiException.badRequest("at most " + MAX_ROWS + " rows in one import");
                }
            }
            if (header == null) {
                throw ApiException.badRequest("the CSV body is empty: it needs a header row of field names");
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed CSV at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the CSV body could not be read: " + e.getMessage());
        }
    }

    /** Reads a JSON body: an array of objects. */
    public static List<Row> json(InputStream body) {
        Object value;
        try {
            value = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the JSON body could not be read: " + e.getMessage());
        }
        if (!(value instanceof List<?> items)) {
            throw ApiException.badRequest("the JSON body must be an array of objects");
        }
        if (items.size() > MAX_ROWS) {
            throw ApiException.badRequest("at most " + MAX_ROWS + " rows in one import");
        }
        List<Row> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> object)) {
                throw ApiException.badRequest("item " + i + " of the JSON array is not an object");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            object.forEach((name, field) -> fields.put((String) name, field));
            rows.add(new Row(i, fields));
        }
        return rows;
    }

    /**
     * The 422 of an import with bad rows and no {@code partial}: one field error per problem, named by its row
     * ({@code line 7: name} for CSV, {@code item 3: name} for JSON), in row order. Since 1.1.
     *
     * @param rowName {@code line} or {@code item}
     * @param rows    how many rows the import has
     */
    public static ApiException invalid(List<RowError> errors, String rowName, int rows) {
        List<Problem.FieldError> fields = errors.stream()
                .sorted((a, b) -> Integer.compare(a.line(), b.line()))
                .map(e -> new Problem.FieldError(rowName + " " + e.line() + (e.field() == null ? "" : ": " + e.field()),
                        e.message()))
                .toList();
        long badRows = errors.stream().mapToInt(RowError::line).distinct().count();
        return new ApiException(new Problem("about:blank", ApiException.reason(422), 422, badRows + " of " + rows
                + " rows are invalid; nothing was written (send partial=1 to write the good rows)", fields), Map.of());
    }

    /**
     * The 409 failing an import's job when rows checked good became bad before the job's transaction (a number
     * taken meanwhile) and {@code partial} was not sent. Since 1.1.
     */
    public static ApiException changedMeanwhile(int badRows) {
        return ApiException.conflict(badRows + " rows conflict with changes made since the import was checked;"
                + " nothing was written");
    }

    private static List<String> header(List<String> cells, Set<String> known) {
        List<String> header = new ArrayList<>(cells.size());
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            // A spreadsheet saving UTF-8 puts a byte order mark before the first name.
            String name = (i == 0 ? cells.get(i).replace("\uFEFF", "") : cells.get(i)).trim();
            if (!known.contains(name)) {
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else if (!seen.add(name)) {
                throw ApiException.badRequest("line 1: column " + name + " appears twice");
            }
            header.add(name);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("line 1: unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", known));
        }
        return header;
    }

    private static Map<String, Object> fields(List<String> header, List<String> cells, int line) {
        if (cells.size() > header.size()) {
            throw ApiException.badRequest("line " + line + ": " + cells.size() + " cells, but the header names "
                    + header.size() + " columns");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                fields.put(header.get(i), CsvWriter.restored(cells.get(i)));
            }
        }
        return fields;
    }
}
