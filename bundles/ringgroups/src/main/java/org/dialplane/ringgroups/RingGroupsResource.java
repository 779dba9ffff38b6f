package org.dialplane.ringgroups;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code /pbxapi/ringgroups}, as Issabel's pbxapi serves it. */
@Component(service = RingGroupsResource.class, immediate = true)
@JakartarsResource
@JakartarsName("dialplane.ringgroups")
@JakartarsExtensionSelect(Authentication.REQUIRED)
@Path("ringgroups")
@Fields(RingGroupFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class RingGroupsResource {
    private final RingGroupRepository repository;
    private final AstDb astDb;
    private final ApplyChanges applyChanges;

    @Activate
    public RingGroupsResource(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges) {
        this.repository = new RingGroupRepository(new Jdbc(database.pbx()), astDb);
        this.astDb = astDb;
        this.applyChanges = applyChanges;
    }

    @GET
    @Doc("List ring groups (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, RingGroupFields.FIELDS);
        return Crud.list(query, q -> repository.find(q, caller), q -> repository.count(q, caller));
    }

    @GET
    @Path("{ids}")
    @Doc("One or more ring groups by number (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, RingGroupFields.FIELDS);
        return Crud.get(Ids.parse(ids, Ids.NUMERIC), query, i -> repository.findByIds(i, query, caller),
                RingGroupRepository.NOUN);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create a ring group at the next free number (or the extension given in the body); extension_list is required")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        RingGroupRepository.Saved saved = repository.create(RingGroupFields.validate(body, true),
                Caller.of(security));
        written(saved.astdb(), apply);
        return Crud.created(uri, saved.extension());
    }

    @PUT
    @Path("{extension}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the ring group at this number, or update only the fields sent")
    public Response save(@PathParam("extension") String extension, JsonBody body,
            @QueryParam(Reload.NAME) String reload, @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(extension, RingGroupFields.NUMBER);
        boolean apply = Reload.requested(reload, body);
        RingGroupChange change = RingGroupFields.validate(body, false);
        RingGroupRepository.Saved saved = repository.save(number, change, Caller.of(security));
        written(saved.astdb(), apply);
        return Crud.saved(saved.created(), uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more ring groups, all or none")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        Ids parsed = Ids.parse(ids, Ids.NUMERIC);
        return Crud.delete(parsed, i -> written(repository.delete(i, Caller.of(security)), apply));
    }

    private void written(AstDbChanges astdb, boolean apply) {
        astDb.push(astdb);
        if (apply) {
            applyChanges.request("ring groups changed");
        }
    }
}
