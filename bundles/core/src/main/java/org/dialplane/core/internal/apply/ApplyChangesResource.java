package org.dialplane.core.internal.apply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.auth.PbxResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /pbxapi/applychanges}: whether an apply is pending and how the last one went; POST asks for one. */
@Component(service = ApplyChangesResource.class)
@PbxResource(name = "dialplane.applychanges")
@Path("applychanges")
@Produces(MediaType.APPLICATION_JSON)
public class ApplyChangesResource {
    private final ApplyChanges applyChanges;

    @Activate
    public ApplyChangesResource(@Reference ApplyChanges applyChanges) {
        this.applyChanges = applyChanges;
    }

    @GET
    public Map<String, Object> status() {
        return describe(applyChanges.status());
    }

    /** Requests an apply (coalesced with any other pending request): 202 with the status. */
    @POST
    public Response apply() {
        applyChanges.request("POST /applychanges");
        return Response.accepted(describe(applyChanges.status())).build();
    }

    static Map<String, Object> describe(ApplyStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pending", status.pending());
        body.put("running", status.running());
        body.put("method", status.method());
        body.put("requests", status.requests());
        body.put("runs", status.runs());
        body.put("last_request", text(status.lastRequest()));
        body.put("last_run", text(status.lastRun()));
        body.put("last_result", status.lastResult());
        body.put("last_error", status.lastError());
        body.put("last_output", status.lastOutput());
        return body;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
