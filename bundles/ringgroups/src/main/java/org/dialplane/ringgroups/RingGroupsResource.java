package org.dialplane.ringgroups;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.jobs.BulkIo;
import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.MaxBodySize;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.ringgroups.api.RingGroupChange;
import org.dialplane.ringgroups.api.RingGroupService;
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
 * {@code /pbxapi/ringgroups}, as Issabel's pbxapi serves it: parses the request, calls {@link RingGroupService},
 * answers. Every parse comes before the write, so a malformed request changes nothing.
 */
@Component(service = RingGroupsResource.class, immediate = true)
@PbxResource(name = "dialplane.ringgroups")
@Path("ringgroups")
@Fields(RingGroupFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class RingGroupsResource {
    private final RingGroupService ringGroups;
    private final RingGroupImports imports;

    @Activate
    public RingGroupsResource(@Reference RingGroupService ringGroups, @Reference RingGroupImports imports) {
        this.ringGroups = ringGroups;
        this.imports = imports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, BulkIo.CSV})
    @Doc("List ring groups (fields=, limit, offset, order, direction, search); format=csv or Accept: text/csv"
            + " exports them as CSV, the format POST /ringgroups/import takes (extension_list as one cell, the"
            + " members joined with '-')")
    public Response list(@QueryParam("format") String format, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, RingGroupFields.FIELDS);
        boolean csv = BulkIo.csvWanted(format, headers);
        Results results = ringGroups.list(query, caller);
        if (!csv) {
            return Response.ok(results, MediaType.APPLICATION_JSON_TYPE).build();
        }
        // Ring groups declare no secret today; hidden all the same should one be declared.
        List<String> columns = caller.readOnly() ? query.hidingSecrets().fields() : query.fields();
        return BulkIo.csv(columns, RingGroupCsv.exported(results), "ringgroups.csv");
    }

    @POST
    @Path("import")
    @Consumes(BulkIo.CSV)
    @Doc(status = 202, value = "Create or update many ring groups from CSV (a header row of field names, as the "
            + "export writes; extension_list as one cell, the members joined with '-'); 202 with the job at "
            + "Location; partial=1 writes the good rows when some are bad")
    public Response importCsv(@MaxBodySize(BulkIo.MAX_BODY_BYTES) InputStream body,
            @QueryParam("partial") String partial, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        List<ImportRows.Row> rows = ImportRows.csv(body, Set.copyOf(RingGroupFields.FIELDS.names()));
        return start(RingGroupCsv.imported(rows), "line", partial, reload, uri, security);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(status = 202, value = "Create or update many ring groups from a JSON array of objects (the fields of a "
            + "POST each, extension required; extension_list required for a new one); 202 with the job at Location; "
            + "partial=1 writes the good rows when some are bad")
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
    @Doc("One or more ring groups by number (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, RingGroupFields.FIELDS);
        return ringGroups.get(Ids.parse(ids, Ids.NUMERIC), query, caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create a ring group at the next free number (or the extension given in the body); extension_list is required")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        RingGroupChange change = RingGroupFields.validate(body, true);
        return Crud.created(uri, ringGroups.create(change, apply, Caller.of(security)));
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
        return Crud.saved(ringGroups.save(number, change, apply, Caller.of(security)), uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more ring groups, all or none")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, Ids.NUMERIC), i -> ringGroups.delete(i, apply, Caller.of(security)));
    }
}
