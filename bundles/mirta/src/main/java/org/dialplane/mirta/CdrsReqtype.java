package org.dialplane.mirta;

import org.dialplane.cdr.api.CdrService;
import org.dialplane.core.auth.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code INFO info=CDRS format=csv start= end=}: the call detail records of the tenant (tenant format) or, with
 * {@code tenant=%}, of every tenant (admin format), as the CDR bundle's {@link CdrService} exports them
 * ({@code /pbxapi/cdrs}); see {@link RecordExports}.
 */
@Component(service = Reqtype.class)
public class CdrsReqtype implements Reqtype {
    private final CdrService records;

    @Activate
    public CdrsReqtype(@Reference CdrService records) {
        this.records = records;
    }

    @Override
    public String reqtype() {
        return "INFO";
    }

    @Override
    public String selected() {
        return "CDRS";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                                           CDRS - the call records, start included, end excluded
                                     start, end - a date (2017-01-01) or a date and time (2017-01-01 08:30)
                                         format - csv (the default), xml or json
                                         tenant - a code: that tenant's CSV format; %: every tenant's, admin format
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        return RecordExports.export(records, request, caller);
    }
}
