package org.dialplane.agents;

import org.dialplane.agents.api.AgentService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /pbxapi/queues}: the live queues and their members (AMI QueueStatus). A tenant sees the queues that
 * have one of its extensions as a member, and there only its own members; see {@link QueueMembers}.
 */
@Component(service = QueuesResource.class, immediate = true)
@PbxResource(name = "dialplane.queues")
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {
    private final AgentService service;

    @Activate
    public QueuesResource(@Reference AgentService service) {
        this.service = service;
    }

    @GET
    @Doc("The queues with their members: interface, paused and why, device status, calls taken")
    public Results list(@Context SecurityContext security) {
        return Results.of(service.queues(Caller.of(security)));
    }
}
