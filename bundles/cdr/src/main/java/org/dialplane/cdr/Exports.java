package org.dialplane.cdr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.RecordPage;
import org.dialplane.cdr.api.RecordQuery;
import org.dialplane.cdr.api.RecordService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * The HTTP answer of a list of records, the same for CDRs and queue logs: a JSON page when {@code limit} is given,
 * else every row streamed, in the format {@code format=} names or else the {@code Accept} header prefers.
 */
final class Exports {
    static final String CSV = "text/csv";
    static final String TEXT_XML = "text/xml";

    private Exports() {
    }

    static Response answer(RecordService service, UriInfo uri, HttpHeaders headers, Caller caller) {
        ExportFormat format = format(RecordRequests.single(uri.getQueryParameters(), "format"), headers);
        RecordQuery query = service.query(uri.getQueryParameters(), caller);
        if (format == ExportFormat.JSON && query.limit().isPresent()) {
            RecordPage page = service.list(query, caller);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("results", page.results());
            if (page.total() != null) {
                body.put("total", page.total());
            }
            Response.ResponseBuilder ok = Response.ok().type(MediaType.APPLICATION_JSON_TYPE);
            if (page.next() != null) {
                String next = uri.getRequestUriBuilder().replaceQueryParam("after", page.next())
                        .replaceQueryParam("total").build().toString(); // counted once is enough
                body.put("next", next);
                ok.header("Link", "<" + next + ">; rel=\"next\"");
            }
            return ok.entity(body).build();
        }
        StreamingOutput rows = out -> service.stream(query, format, caller, out);
        Response.ResponseBuilder ok = Response.ok(rows, format.mediaType() + ";charset=utf-8");
        if (format != ExportFormat.JSON) {
            ok.header("Content-Disposition", "attachment; filename=\"" + query.fileName(format) + "\"");
        }
        return ok.build();
    }

    /** {@code format=json|csv|xml} when given (else a 400 naming it), else the first the client accepts. */
    static ExportFormat format(String parameter, HttpHeaders headers) {
        if (parameter != null && !parameter.isBlank()) {
            return ExportFormat.named(parameter).orElseThrow(() -> ApiException.badRequest(
                    "format: json, csv or xml, not '" + parameter + "'"));
        }
        List<MediaType> accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return ExportFormat.JSON;
            }
            if (type.isCompatible(MediaType.valueOf(CSV))) {
                return ExportFormat.CSV;
            }
            if (type.isCompatible(MediaType.APPLICATION_XML_TYPE) || type.isCompatible(MediaType.TEXT_XML_TYPE)) {
                return ExportFormat.XML;
            }
        }
        return ExportFormat.JSON;
    }
}
