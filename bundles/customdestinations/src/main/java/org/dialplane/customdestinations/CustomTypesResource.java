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
import org.dialplane.customdestinations.api.CustomTypeService;
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

/** {@code /pbxapi/customtypes}: parses, calls {@link CustomTypeService}, answers. Writes are for global callers. */
@Component(service = CustomTypesResource.class, immediate = true)
@PbxResource(name = "dialplane.customtypes")
@Path("customtypes")
@Fields(CustomTypeFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class CustomTypesResource {
    private final CustomTypeService types;

    @Activate
    public CustomTypesResource(@Reference CustomTypeService types) {
        this.types = types;
    }

    @GET
    @Doc("List custom destination types (MiRTA CUSTOMTYPES list); every caller")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        return types.list(Query.of(uri, CustomTypeFields.FIELDS), Caller.of(security));
    }

    @GET
    @Path("{ids}")
    @Doc("One or more custom destination types by id (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Query query = Query.of(uri, CustomTypeFields.FIELDS);
        return types.get(Ids.parse(ids, CustomDestinationFields.ID), query, Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create a custom destination type (global callers); its template is checked against its parameters")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        return Crud.created(uri, types.create(CustomTypeFields.validate(body, true), apply, Caller.of(security)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the custom type at this id, or update only the fields sent (global callers; not built-ins)")
    public Response save(@PathParam("id") String id, JsonBody body, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        String checked = Ids.parseOne(id, CustomDestinationFields.ID);
        boolean apply = Reload.requested(reload, body);
        return Crud.saved(types.save(checked, CustomTypeFields.validate(body, false), apply, Caller.of(security)),
                uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete custom types, all or none (global callers; 409 for built-ins and types in use)")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, CustomDestinationFields.ID), i -> types.delete(i, apply, Caller.of(security)));
    }
}
