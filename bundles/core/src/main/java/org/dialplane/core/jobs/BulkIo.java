package org.dialplane.core.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Results;
import org.dialplane.core.rest.StreamedRows;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * The HTTP side of bulk import and export, the same for every resource that has them: which answer a list wants
 * (CSV on {@code format=csv} or {@code Accept: text/csv}), the CSV answer, the {@code partial} flag, and the 202
 * naming the job.
 */
public final class BulkIo {
    public static final String CSV = "text/csv";
    /** The largest import body: 10,000 rows of every field fit several times over. */
    public static final long MAX_BODY_BYTES = 64L << 20;

    private BulkIo() {
    }

    /**
     * Whether a list is asked for as CSV: {@code format=csv}, or no {@code format} and an {@code Accept} whose
     * first type is {@code text/csv}.
     *
     * @throws ApiException 400 for a format other than csv or json
     */
    public static boolean csvWanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.badRequest("format: must be csv or json, not '" + format + "'");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.get(0).isWildcardType()
                && "text".equals(accepted.get(0).getType()) && "csv".equals(accepted.get(0).getSubtype());
    }

    /**
     * The list's rows as CSV: the columns in order, each value as text (null: an empty cell). A whole list read
     * from the database ({@link StreamedRows}) is written as it is read; its query runs before the header, so that
     * a failure to start is still an error answer.
     */
    public static Response csv(List<String> columns, Results results, String fileName) {
        StreamingOutput body = out -> {
            if (results.results() instanceof StreamedRows streamed) {
                streamed.open();
                try (CsvWriter csv = new CsvWriter(out, columns, Set.of())) {
                    streamed.writeTo(row -> csv.row(values(columns, row)));
                } finally {
                    streamed.close();
                }
                return;
            }
            try (CsvWriter csv = new CsvWriter(out, columns, Set.of())) {
                for (Object item : results.results()) {
                    csv.row(values(columns, (Map<?, ?>) item));
                }
            }
        };
        return Response.ok(body, CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static List<String> values(List<String> columns, Map<?, ?> row) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = row.get(column);
            values.add(value == null ? null : value.toString());
        }
        return values;
    }

    /**
     * The {@code partial} flag of an import: {@code 1}/{@code true} writes the good rows when some are bad.
     *
     * @throws ApiException 400 for another value
     */
    public static boolean partial(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw ApiException.badRequest("partial: must be 0, 1, true or false, not '" + value + "'");
        };
    }

    /** 202 with the job, at {@code Location: /pbxapi/jobs/{id}}. */
    public static Response accepted(UriInfo uri, Job job) {
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("jobs").path(job.id()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
