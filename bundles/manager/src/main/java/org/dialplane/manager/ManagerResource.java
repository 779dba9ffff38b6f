package org.dialplane.manager;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.dialplane.manager.api.ManagerService;
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
 * {@code POST /pbxapi/manager/{action}}: the HTTP side of {@link ManagerService}. Core refuses read-only keys on a
 * POST and {@link GlobalOnly} refuses tenants before the service is asked.
 */
@Component(service = ManagerResource.class, immediate = true)
@PbxResource(name = "dialplane.manager")
@GlobalOnly
@Path("manager")
@Produces(MediaType.APPLICATION_JSON)
public class ManagerResource {
    private final ManagerService service;

    @Activate
    public ManagerResource(@Reference ManagerService service) {
        this.service = service;
    }

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Send one allow-listed AMI action (originate to a dialplan target, queue members, AstDB of user "
            + "features, reload, hangup, extensionstate, getvar) with its fields")
    public Results send(@PathParam("action") String name, JsonBody body, @Context SecurityContext security) {
        return Results.of(service.run(name, body == null ? null : body.asMap(), Caller.of(security)));
    }
}
