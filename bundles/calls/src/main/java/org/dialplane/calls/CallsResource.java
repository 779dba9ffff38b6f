package org.dialplane.calls;

import java.util.Map;

import org.dialplane.calls.api.CallCount;
import org.dialplane.calls.api.CallService;
import org.dialplane.calls.api.OriginateRequest;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.FileResponse;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pbxapi/calls}: MiRTA's DIAL (originate) and COUNTCALLS, the live channels and hangup, and a call's
 * recording; the HTTP side of {@link CallService}. Every method but the recording needs AMI and answers 503 with
 * Retry-After at once without it.
 */
@Component(service = CallsResource.class, immediate = true)
@PbxResource(name = "dialplane.calls")
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {
    private final CallService service;

    @Activate
    public CallsResource(@Reference CallService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Fields(value = CallFields.class, name = "Originate", answers = false)
    @Doc("Ring the source extension, then dial dest from it (MiRTA DIAL); 202 with the call id")
    public Response originate(JsonBody body, @Context UriInfo uri, @Context SecurityContext security) {
        OriginateRequest request = CallFields.validate(body);
        String id = service.originate(request, Caller.of(security));
        return Response.accepted(Map.of("id", id))
                .location(uri.getBaseUriBuilder().path("calls").path(id).build()).build();
    }

    @GET
    @Doc("The live channels of the caller's tenant (CoreShowChannels)")
    public Results list(@Context SecurityContext security) {
        return Results.of(service.liveChannels(Caller.of(security)));
    }

    @GET
    @Path("count")
    @Doc("How many calls and channels are up (MiRTA COUNTCALLS), the caller's tenant's only")
    public Map<String, Long> count(@Context SecurityContext security) {
        CallCount count = service.count(Caller.of(security));
        return Map.of("calls", count.calls(), "channels", count.channels());
    }

    @GET
    @Path("{id}")
    @Doc("An originated call and its outcome: queued, answered, busy, no answer or failed")
    public Results get(@PathParam("id") String id, @Context SecurityContext security) {
        String callId = Ids.parseOne(id, CallFields.CALL_ID);
        return Results.one(service.status(callId, Caller.of(security))
                .orElseThrow(() -> ApiException.notFound("No call " + callId)));
    }

    @DELETE
    @Path("{id}")
    @Doc("Hang up an originated call, or a live channel by its Uniqueid")
    public Response hangup(@PathParam("id") String id, @Context SecurityContext security) {
        String callId = Ids.parseOne(id, CallFields.CALL_ID);
        if (!service.hangup(callId, Caller.of(security))) {
            throw ApiException.notFound("No live call " + callId);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/recording")
    @Produces({"audio/wav", "audio/x-wav", "audio/mpeg", "audio/x-gsm", "audio/ogg", MediaType.APPLICATION_OCTET_STREAM})
    @Doc("The call's recording (MiRTA INFO recording) by the call id or a CDR uniqueid or linkedid; Range for a part")
    public Response recording(@PathParam("id") String id, @Context Request request, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        String callId = Ids.parseOne(id, CallFields.CALL_ID);
        java.nio.file.Path file = service.recording(callId, Caller.of(security))
                .orElseThrow(() -> ApiException.notFound("No recording of call " + callId)).file();
        return FileResponse.of(file, request, headers);
    }
}
