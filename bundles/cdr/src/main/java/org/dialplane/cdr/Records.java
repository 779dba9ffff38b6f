package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.RecordPage;
import org.dialplane.cdr.api.RecordQuery;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;

/** What the CDR and queue log services share: parsing a request, a page, a stream, for one table. */
final class Records {
    private final RecordReader reader;
    private final RecordRequests requests;

    Records(RecordReader reader, RecordRequests requests) {
        this.reader = reader;
        this.requests = requests;
    }

    RecordReader reader() {
        return reader;
    }

    RecordRequest query(Map<String, List<String>> parameters, Caller caller) {
        RecordReader.Columns columns = reader.columns();
        return requests.parse(parameters, caller, reader.table(), columns.present(), columns.keys());
    }

    RecordPage list(RecordQuery query, Caller caller) {
        RecordRequest request = checked(query, caller);
        if (request.pageSize() == null) {
            throw ApiException.badRequest("limit: a page needs a limit from 1 to 1000; without one, stream the rows");
        }
        return reader.page(request, request.total() ? reader.count(request) : 0);
    }

    void stream(RecordQuery query, ExportFormat format, Caller caller, OutputStream out) throws IOException {
        reader.stream(checked(query, caller), format, RowWriter.of(format, reader.table(), out));
    }

    /**
     * The request, when it is one this service parsed for this table and for this caller's tenancy: an in-process
     * caller cannot hand one caller's query to another, nor build one by hand.
     */
    RecordRequest checked(RecordQuery query, Caller caller) {
        if (!(query instanceof RecordRequest request) || request.table() != reader.table()) {
            throw new IllegalArgumentException("Not a query of " + reader.table().table()
                    + "; build it with the service's query method");
        }
        boolean own = caller.global() ? request.caller().equals(caller.name())
                : request.scope() != null && request.scope().id() == caller.tenantId();
        if (!own) {
            throw ApiException.forbidden("This query was checked for another caller");
        }
        return request;
    }
}
