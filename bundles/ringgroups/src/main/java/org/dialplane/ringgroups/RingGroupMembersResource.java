package org.dialplane.ringgroups;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Reload;
import org.dialplane.ringgroups.api.RingGroupService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /pbxapi/ringgroups/{n}/members}: a ring group's members as MiRTA's hunt lists tag them (HUNTLIST
 * getextensions and setextensions). A resource of its own because its bodies are not the ring group's fields: the
 * PUT body is a JSON array, exactly MiRTA's {@code jsondata}, so {@code reload} is a query parameter only.
 */
@Component(service = RingGroupMembersResource.class, immediate = true)
@PbxResource(name = "dialplane.ringgroups.members")
@Path("ringgroups/{extension}/members")
@Produces(MediaType.APPLICATION_JSON)
public class RingGroupMembersResource {
    private final RingGroupService ringGroups;

    @Activate
    public RingGroupMembersResource(@Reference RingGroupService ringGroups) {
        this.ringGroups = ringGroups;
    }

    @GET
    @Doc("The ring group's members as hunt list entries: {\"results\": [\"EXT-1701\", \"CUSTOM-67\"]}")
    public Map<String, List<String>> get(@PathParam("extension") String extension,
            @Context SecurityContext security) {
        return Map.of("results", ringGroups.members(extension, Caller.of(security)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Replace the members with a JSON array of EXT-<extension> and CUSTOM-<id> entries (an external-number"
            + " custom destination of the ring group's tenant)")
    public Response set(@PathParam("extension") String extension, List<Object> entries,
            @QueryParam(Reload.NAME) String reload, @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        ringGroups.setMembers(extension, entries, apply, Caller.of(security));
        return Response.ok().build();
    }
}
