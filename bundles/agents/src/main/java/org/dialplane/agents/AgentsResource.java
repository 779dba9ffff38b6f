package org.dialplane.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.agents.api.AgentMembership;
import org.dialplane.agents.api.AgentService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /pbxapi/agents/{extension}/pause|unpause}: MiRTA's AGENT PAUSE (with its {@code pausereason}), the HTTP
 * side of {@link AgentService}. {@code {extension}} is a number or MiRTA's {@code 104-DEVEL} ({@link AgentId}).
 * Needs AMI and answers 503 with Retry-After at once without it.
 */
@Component(service = AgentsResource.class, immediate = true)
@PbxResource(name = "dialplane.agents")
@Path("agents")
@Fields(value = AgentFields.class, name = "Pause", answers = false)
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {
    private final AgentService service;

    @Activate
    public AgentsResource(@Reference AgentService service) {
        this.service = service;
    }

    @POST
    @Path("{extension}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Pause the extension (104 or 104-TENANT) in one queue or every queue it is a member of, with a reason (MiRTA AGENT PAUSE); lists each queue and interface paused")
    public Results pause(@PathParam("extension") String extension, JsonBody body,
            @Context SecurityContext security) {
        PauseRequest request = validate(extension, body);
        return json(service.pause(extension, request.queue(), request.reason(), Caller.of(security)));
    }

    @POST
    @Path("{extension}/unpause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Unpause the extension (104 or 104-TENANT) in one queue or every queue it is a member of")
    public Results unpause(@PathParam("extension") String extension, JsonBody body,
            @Context SecurityContext security) {
        PauseRequest request = validate(extension, body);
        return json(service.unpause(extension, request.queue(), request.reason(), Caller.of(security)));
    }

    /** A malformed extension is a 400 before the body is looked at, as it always was. */
    private static PauseRequest validate(String extension, JsonBody body) {
        AgentId.parse(extension);
        return AgentFields.validate(body);
    }

    private static Results json(List<AgentMembership> memberships) {
        return Results.of(memberships.stream().map(membership -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("extension", membership.extension());
            json.put("queue", membership.queue());
            json.put("interface", membership.iface());
            json.put("paused", membership.paused());
            json.put("reason", membership.reason());
            return json;
        }).toList());
    }
}
