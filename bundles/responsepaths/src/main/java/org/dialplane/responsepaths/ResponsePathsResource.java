package org.dialplane.responsepaths;

import java.util.Locale;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.FileResponse;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.responsepaths.api.ResponsePathChange;
import org.dialplane.responsepaths.api.ResponsePathService;
import org.dialplane.responsepaths.api.Run;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pbxapi/responsepaths}: the definitions (CRUD), their recorded runs, the last run in MiRTA's GETLAST forms
 * and the voice files (MiRTA's MEDIAFILE GETAUDIO). Parses the request, calls {@link ResponsePathService},
 * answers; every parse comes before the write.
 */
@Component(service = ResponsePathsResource.class, immediate = true)
@PbxResource(name = "dialplane.responsepaths")
@Path("responsepaths")
@Fields(ResponsePathFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class ResponsePathsResource {
    static final String PIPE = "pipe";
    static final String JSON = "json";
    static final String XML = "xml";

    private final ResponsePathService paths;

    @Activate
    public ResponsePathsResource(@Reference ResponsePathService paths) {
        this.paths = paths;
    }

    @GET
    @Doc("List response paths (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        return paths.list(Query.of(uri, ResponsePathFields.FIELDS), Caller.of(security));
    }

    @GET
    @Path("{ids}")
    @Doc("One or more response paths by id (comma-separated), each variable with the id the system gave it")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Query query = Query.of(uri, ResponsePathFields.FIELDS);
        return paths.get(Ids.parse(ids, ResponsePathFields.NUMBER), query, Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create a response path (name and destination required); its dialplan is context dp-responsepath-<id>")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        ResponsePathChange change = ResponsePathFields.validate(body, true);
        return Crud.created(uri, paths.create(change, apply, Caller.of(security)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the response path at this id, or update only the fields sent (variables: the whole list)")
    public Response save(@PathParam("id") String id, JsonBody body, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(id, ResponsePathFields.NUMBER);
        boolean apply = Reload.requested(reload, body);
        ResponsePathChange change = ResponsePathFields.validate(body, false);
        return Crud.saved(paths.save(number, change, apply, Caller.of(security)), uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more response paths, all or none; their recorded runs stay until they expire")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, ResponsePathFields.NUMBER),
                i -> paths.delete(i, apply, Caller.of(security)));
    }

    @GET
    @Path("{id}/runs")
    @Fields(value = ResponsePathFields.class, constant = "RUN_FIELDS", name = "ResponsePathRun")
    @Doc("The recorded runs of the path, each with its steps (limit, offset, order=id|started, direction)")
    public Results runs(@PathParam("id") String id, @Context UriInfo uri, @Context SecurityContext security) {
        Query query = paths.runsQuery(uri.getQueryParameters());
        return paths.runs(id, query, Caller.of(security));
    }

    @GET
    @Path("{id}/runs/last")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML})
    @Doc("The last run (MiRTA RESPONSEPATH GETLAST), or the last with a step filter=<TYPE> holding filterdata"
            + " (ANSWER 104-DEVEL); format=json (default), pipe (MiRTA's table) or xml (MiRTA's summary)")
    public Response last(@PathParam("id") String id, @QueryParam("filter") String filter,
            @QueryParam("filterdata") String filterData, @QueryParam("format") String format,
            @Context SecurityContext security) {
        String form = format == null || format.isBlank() ? JSON : format.trim().toLowerCase(Locale.ROOT);
        if (!form.equals(JSON) && !form.equals(PIPE) && !form.equals(XML)) {
            throw ApiException.badRequest("format: must be json, pipe or xml, not '" + format + "'");
        }
        Run run = paths.last(id, filter, filterData, Caller.of(security));
        return switch (form) {
            case PIPE -> Response.ok(run.pipe(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
            case XML -> Response.ok(run.xml(), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8")).build();
            default -> Response.ok(Results.one(run.asMap()), MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    @GET
    @Path("{id}/voicefiles/{objectid}")
    @Produces({"audio/wav", "audio/x-wav", MediaType.APPLICATION_OCTET_STREAM})
    @Doc("A voice message recorded in a run (MiRTA MEDIAFILE GETAUDIO; the id is the run's); Range for a part")
    public Response voiceFile(@PathParam("id") String id, @PathParam("objectid") String objectId,
            @Context Request request, @Context HttpHeaders headers, @Context SecurityContext security) {
        return FileResponse.of(paths.voiceFile(id, objectId, Caller.of(security)), request, headers);
    }
}
