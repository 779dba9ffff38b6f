package org.dialplane.extensions;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.jobs.BulkIo;
import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.MaxBodySize;
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
import jakarta.ws.rs.core.HttpHeaders;
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
    private final ExtensionImports imports;

    @Activate
    public ExtensionsResource(@Reference ExtensionService extensions, @Reference ExtensionImports imports) {
        this.extensions = extensions;
        this.imports = imports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, BulkIo.CSV})
    @Doc("List extensions (fields=, limit, offset, order, direction, search); format=csv or Accept: text/csv"
            + " exports them as CSV, the format POST /extensions/import takes")
    public Response list(@QueryParam("format") String format, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, ExtensionFields.FIELDS);
        Results results = extensions.list(query, caller);
        if (!BulkIo.csvWanted(format, headers)) {
            return Response.ok(results, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<String> columns = caller.readOnly() ? query.hidingSecrets().fields() : query.fields();
        return BulkIo.csv(columns, results, "extensions.csv");
    }

    @POST
    @Path("import")
    @Consumes(BulkIo.CSV)
    @Doc(status = 202, value = "Create or update many extensions from CSV (a header row of field names, as the "
            + "export writes); 202 with the job at Location; partial=1 writes the good rows when some are bad")
    public Response importCsv(@MaxBodySize(BulkIo.MAX_BODY_BYTES) InputStream body,
            @QueryParam("partial") String partial, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        return start(ImportRows.csv(body, Set.copyOf(ExtensionFields.FIELDS.names())), "line", partial, reload, uri,
                security);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(status = 202, value = "Create or update many extensions from a JSON array of objects (the fields of a POST "
            + "each, extension required); 202 with the job at Location; partial=1 writes the good rows when some "
            + "are bad")
    public Response importJson(@MaxBodySize(BulkIo.MAX_BODY_BYTES) InputStream body,
            @QueryParam("partial") String partial, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        return start(ImportRows.json(body), "item", partial, reload, uri, security);
    }

    private Response start(List<ImportRows.Row> rows, String unit, String partial, String reload, UriInfo uri,
            SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return BulkIo.accepted(uri, imports.start(rows, unit, BulkIo.partial(partial), apply, Caller.of(security)));
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
