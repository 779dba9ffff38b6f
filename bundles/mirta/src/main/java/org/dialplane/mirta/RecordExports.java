package org.dialplane.mirta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.RecordQuery;
import org.dialplane.cdr.api.RecordService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;

/**
 * What INFO CDRS and INFO QUEUELOGS share: MiRTA's {@code start}, {@code end} and {@code tenant} handed to the CDR
 * bundle's {@link RecordService}, and its whole export streamed in {@code format} (csv when not given). The tenant
 * decides the CSV's columns as MiRTA's: one tenant's records in the tenant format, {@code tenant=%} (a global key
 * only) every tenant's in the admin format, with the tenant first.
 */
final class RecordExports {
    /** The formats asked by {@code format=}; MiRTA's clients ask for csv. */
    static final String FORMATS = "csv, xml or json";

    private RecordExports() {
    }

    static Answer export(RecordService records, ProxyRequest request, Caller caller) {
        String asked = request.get("format");
        ExportFormat format = asked == null ? ExportFormat.CSV : ExportFormat.named(asked)
                .orElseThrow(() -> ApiException.badRequest("Invalid format '" + Answer.oneLine(asked) + "': "
                        + FORMATS));
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String name : List.of("start", "end")) {
            String value = request.get(name);
            if (value != null) {
                parameters.put(name, List.of(value));
            }
        }
        String tenant = request.get("tenant");
        if (Scope.ALL_TENANTS.equals(tenant)) {
            // Passed on as it is: the CDR bundle refuses a tenant's key every tenant's records (403).
            parameters.put("tenant", List.of(tenant));
        } else if (!caller.global()) {
            parameters.put("tenant", List.of(caller.tenantCode()));
        }
        RecordQuery query = records.query(parameters, caller);
        return new Answer.Stream(format.mediaType() + (format == ExportFormat.CSV ? "; charset=UTF-8" : ""),
                query.fileName(format), out -> records.stream(query, format, caller, out));
    }
}
