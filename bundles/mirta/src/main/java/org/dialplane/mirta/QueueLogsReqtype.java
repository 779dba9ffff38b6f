package org.dialplane.mirta;

import org.dialplane.cdr.api.QueueLogService;
import org.dialplane.core.auth.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code INFO info=QUEUELOGS format=csv start= end=}: the queue log of the tenant (tenant format) or, with
 * {@code tenant=%}, of every tenant (admin format), as the CDR bundle's {@link QueueLogService} exports them
 * ({@code /pbxapi/queuelogs}); see {@link RecordExports}.
 */
@Component(service = Reqtype.class)
public class QueueLogsReqtype implements Reqtype {
    private final QueueLogService records;

    @Activate
    public QueueLogsReqtype(@Reference QueueLogService records) {
        this.records = records;
    }

    @Override
    public String reqtype() {
        return "INFO";
    }

    @Override
    public String selected() {
        return "QUEUELOGS";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                                      QUEUELOGS - the queue log of the tenant's queues; parameters as CDRS
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        return RecordExports.export(records, request, caller);
    }
}
