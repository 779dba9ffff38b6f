package org.dialplane.cdr;

import org.dialplane.cdr.api.QueueLogService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code /pbxapi/queuelogs} (MiRTA's INFO QUEUELOGS): the queue log, as {@code /pbxapi/cdrs} serves CDRs. */
@Component(service = QueueLogsResource.class, immediate = true)
@PbxResource(name = "dialplane.queuelogs")
@Path("queuelogs")
@Fields(QueueLogFields.class)
public class QueueLogsResource {
    private final QueueLogService queueLogs;

    @Activate
    public QueueLogsResource(@Reference QueueLogService queueLogs) {
        this.queueLogs = queueLogs;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, MediaType.APPLICATION_XML, Exports.TEXT_XML})
    @Doc("Queue log rows of the caller's queues: a JSON page with limit (next cursor), else every row streamed as"
            + " JSON, CSV or XML")
    public Response list(@BeanParam RecordParameters common, @BeanParam RecordParameters.QueueLogs filters,
            @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security) {
        return Exports.answer(queueLogs, uri, headers, Caller.of(security));
    }
}
