package org.dialplane.extensions;

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
import org.dialplane.extensions.api.ExtensionChange;
import org.dialplane.extensions.api.ExtensionService;
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

/**
 * {@code /pbxapi/extensions}, as Issabel's pbxapi serves it: parses the request, calls {@link ExtensionService},
 * answers. Every parse comes before the write, so a malformed request changes nothing.
 */
@Component(service = ExtensionsResource.class, immediate = true)
@PbxResource(name = "dialplane.extensions")
@Path("extensions")
@Fields(ExtensionFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionsResource {
    private final ExtensionService extensions;

    @Activate
    public ExtensionsResource(@Reference ExtensionService extensions) {
        this.extensions = extensions;
    }

    @GET
    @Doc("List extensions (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return extensions.list(Query.of(uri, ExtensionFields.FIELDS), caller);
    }

    @GET
    @Path("{ids}")
    @Doc("One or more extensions by number (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, ExtensionFields.FIELDS);
        return extensions.get(Ids.parse(ids, Ids.NUMERIC), query, caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create an extension at the next free number (or the extension given in the body)")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        ExtensionChange change = ExtensionFields.validate(body, true);
        return Crud.created(uri, extensions.create(change, apply, Caller.of(security)));
    }

    @PUT
    @Path("{extension}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the extension at this number, or update only the fields sent")
    public Response save(@PathParam("extension") String extension, JsonBody body,
            @QueryParam(Reload.NAME) String reload, @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(extension, ExtensionFields.NUMBER);
        boolean apply = Reload.requested(reload, body);
        ExtensionChange change = ExtensionFields.validate(body, false);
        return Crud.saved(extensions.save(number, change, apply, Caller.of(security)), uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more extensions, all or none")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, Ids.NUMERIC), i -> extensions.delete(i, apply, Caller.of(security)));
    }
}
