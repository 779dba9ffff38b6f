package org.dialplane.agents;

import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /pbxapi/agents/{extension}/pause|unpause}: MiRTA's AGENT PAUSE (with its {@code pausereason}) as AMI
 * QueuePauses of the extension's queue memberships, see {@link AgentService#pause}. {@code {extension}} is a number
 * or MiRTA's {@code 104-DEVEL} ({@link AgentId}). Needs AMI and answers 503 with Retry-After at once without it.
 */
@Component(service = AgentsResource.class, immediate = true)
@JakartarsResource
@JakartarsName("dialplane.agents")
@JakartarsExtensionSelect(Authentication.REQUIRED)
@Path("agents")
@Fields(value = AgentFields.class, name = "Pause", answers = false)
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {
    private final Jdbc db;
    private final AgentService service;
    private final Tenants tenants;

    @Activate
    public AgentsResource(@Reference Database database, @Reference AgentService service,
            @Reference Tenants tenants) {
        this.db = new Jdbc(database.pbx());
        this.service = service;
        this.tenants = tenants;
    }

    @POST
    @Path("{extension}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Pause the extension (104 or 104-TENANT) in one queue or every queue it is a member of, with a reason (MiRTA AGENT PAUSE); lists each queue and interface paused")
    public Results pause(@PathParam("extension") String extension, JsonBody body,
            @Context SecurityContext security) {
        return setPaused(extension, body, security, true);
    }

    @POST
    @Path("{extension}/unpause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Unpause the extension (104 or 104-TENANT) in one queue or every queue it is a member of")
    public Results unpause(@PathParam("extension") String extension, JsonBody body,
            @Context SecurityContext security) {
        return setPaused(extension, body, security, false);
    }

    private Results setPaused(String extension, JsonBody body, SecurityContext security, boolean paused) {
        Caller caller = Caller.of(security);
        AgentId agent = AgentId.parse(extension);
        PauseRequest request = AgentFields.validate(body);
        service.requireAmi();
        Caller scope = agent.scope(caller, tenants);
        if (Devices.dialOf(db, agent.number(), scope).isEmpty()) {
            throw ApiException.notFound("No extension " + agent);
        }
        return Results.of(service.pause(agent.number(), paused, request));
    }
}
