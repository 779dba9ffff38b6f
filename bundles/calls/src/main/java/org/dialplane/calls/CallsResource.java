package org.dialplane.calls;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.FileResponse;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

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
 * {@code /pbxapi/calls}: MiRTA's DIAL (originate) and COUNTCALLS, the live channels and hangup, through AMI, and
 * a call's recording. Every method but the recording needs AMI and answers 503 with Retry-After at once without
 * it; the recording is the CDR database and a file.
 */
@Component(service = CallsResource.class, immediate = true)
@JakartarsResource
@JakartarsName("dialplane.calls")
@JakartarsExtensionSelect(Authentication.REQUIRED)
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {
    /** Where Asterisk spools, as the launcher sets it from DIALPLANE_ASTERISK_SPOOL. */
    static final String SPOOL = "dialplane.asterisk.spool";
    static final String DEFAULT_SPOOL = "/var/spool/asterisk";

    private final Jdbc db;
    private final CallService service;
    private final CallRecordings recordings;

    @Activate
    public CallsResource(@Reference Database database, @Reference CallService service, BundleContext context) {
        this.db = new Jdbc(database.pbx());
        this.service = service;
        String spool = context.getProperty(SPOOL);
        this.recordings = new CallRecordings(new Jdbc(database.cdr()),
                new MonitorFiles(java.nio.file.Path.of(spool == null || spool.isBlank() ? DEFAULT_SPOOL : spool)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Fields(value = CallFields.class, name = "Originate", answers = false)
    @Doc("Ring the source extension, then dial dest from it (MiRTA DIAL); 202 with the call id")
    public Response originate(JsonBody body, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        OriginateRequest request = CallFields.validate(body);
        service.requireAmi();
        String dial = Devices.dialOf(db, request.source(), caller)
                .orElseThrow(() -> ApiException.notFound("No extension " + request.source()));
        String id = service.originate(request, dial, caller);
        return Response.accepted(Map.of("id", id))
                .location(uri.getBaseUriBuilder().path("calls").path(id).build()).build();
    }

    @GET
    @Doc("The live channels of the caller's tenant (CoreShowChannels)")
    public Results list(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        service.requireAmi();
        return Results.of(service.channels(extensionsOf(caller)).stream().map(LiveChannels::toJson).toList());
    }

    @GET
    @Path("count")
    @Doc("How many calls and channels are up (MiRTA COUNTCALLS), the caller's tenant's only")
    public Map<String, Long> count(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        service.requireAmi();
        List<AmiEvent> channels = service.channels(extensionsOf(caller));
        return Map.of("calls", LiveChannels.calls(channels), "channels", (long) channels.size());
    }

    @GET
    @Path("{id}")
    @Doc("An originated call and its outcome: queued, answered, busy, no answer or failed")
    public Results get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        String callId = Ids.parseOne(id, CallFields.CALL_ID);
        service.requireAmi();
        return Results.one(service.find(callId, caller)
                .orElseThrow(() -> ApiException.notFound("No call " + callId)));
    }

    @DELETE
    @Path("{id}")
    @Doc("Hang up an originated call, or a live channel by its Uniqueid")
    public Response hangup(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        String callId = Ids.parseOne(id, CallFields.CALL_ID);
        service.requireAmi();
        if (!service.hangup(callId, caller, extensionsOf(caller))) {
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
        Caller caller = Caller.of(security);
        String callId = Ids.parseOne(id, CallFields.CALL_ID);
        java.nio.file.Path file = recordings.find(callId, extensionsOf(caller))
                .orElseThrow(() -> ApiException.notFound("No recording of call " + callId));
        return FileResponse.of(file, request, headers);
    }

    /** Null for a global caller: every channel is theirs. */
    private Set<String> extensionsOf(Caller caller) {
        return Devices.extensionsOf(db, caller);
    }
}
