package org.dialplane.cdr.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Rows of a log table of the CDR database, filtered and shown for a caller: as pages that a keyset cursor walks
 * ({@link #list}), or as one stream of every row matching ({@link #stream}), read from the database as it is
 * written, so that an export of millions of rows holds no more than a row in memory.
 */
@ProviderType
public interface RecordService {

    /**
     * Parses and checks the query parameters of a list or an export ({@code start}, {@code end}, the filters,
     * {@code tenant}, {@code fields}, {@code limit}, {@code after}, {@code total}), as the REST resource reads them.
     *
     * @throws org.dialplane.core.rest.ApiException 400 naming the parameter that is malformed; 403 when a
     *         tenant's caller asks for another tenant or for all of them
     */
    RecordQuery query(Map<String, List<String>> parameters, Caller caller);

    /**
     * One page: at most the query's {@code limit} rows after its cursor (or the first page), the cursor of the
     * next page when there may be one, and the number of rows matching when the query asked for it.
     *
     * @throws org.dialplane.core.rest.ApiException 400 when the query has no limit (stream it instead)
     */
    RecordPage list(RecordQuery query, Caller caller);

    /**
     * Writes every row the query matches (after its cursor, at most its limit when it has one) to {@code out} in
     * the format, without holding them: from a streaming result set to the stream. The stream is not closed. A
     * write that fails (the client went away) cancels the query at once and is rethrown.
     *
     * @throws org.dialplane.core.rest.ApiException 503 with Retry-After, before anything is written, while the
     *         most exports that may run at once are running
     */
    void stream(RecordQuery query, ExportFormat format, Caller caller, OutputStream out) throws IOException;
}
