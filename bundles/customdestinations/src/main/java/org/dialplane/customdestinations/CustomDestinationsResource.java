package org.dialplane.customdestinations;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.customdestinations.api.CustomDestinationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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

/** {@code /pbxapi/customdestinations}: parses, calls {@link CustomDestinationService}, answers; tenant-owned. */
@Component(service = CustomDestinationsResource.class, immediate = true)
@PbxResource(name = "dialplane.customdestinations")
@Path("customdestinations")
@Fields(CustomDestinationFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class CustomDestinationsResource {
    private final CustomDestinationService destinations;

    @Activate
    public CustomDestinationsResource(@Reference CustomDestinationService destinations) {
        this.destinations = destinations;
    }

    @GET
    @Doc("List the caller's custom destinations (MiRTA CUSTOM list)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        return destinations.list(Query.of(uri, CustomDestinationFields.FIELDS), Caller.of(security));
    }

    @GET
    @Path("{ids}")
    @Doc("One or more custom destinations by id (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Query query = Query.of(uri, CustomDestinationFields.FIELDS);
        return destinations.get(Ids.parse(ids, CustomDestinationFields.ID), query, Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create a custom destination: name, type, param1..3 (checked against the type's kinds)")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        return Crud.created(uri, destinations.create(CustomDestinationFields.validate(body, true), apply, Caller.of(security)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the custom destination at this id, or update only the fields sent")
    public Response save(@PathParam("id") String id, JsonBody body, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        String checked = Ids.parseOne(id, CustomDestinationFields.ID);
        boolean apply = Reload.requested(reload, body);
        return Crud.saved(destinations.save(checked, CustomDestinationFields.validate(body, false), apply, Caller.of(security)),
                uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete custom destinations, all or none (409 naming what still uses one)")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, CustomDestinationFields.ID), i -> destinations.delete(i, apply, Caller.of(security)));
    }
}
