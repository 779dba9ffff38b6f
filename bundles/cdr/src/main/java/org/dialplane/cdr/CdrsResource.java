package org.dialplane.cdr;

import java.util.List;
import java.util.Map;

import org.dialplane.cdr.api.CdrService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
 * {@code /pbxapi/cdrs} (MiRTA's INFO CDRS): parses the request, calls {@link CdrService}, answers a JSON page or a
 * stream of every row as JSON, CSV or XML.
 */
@Component(service = CdrsResource.class, immediate = true)
@PbxResource(name = "dialplane.cdrs")
@Path("cdrs")
@Fields(CdrFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class CdrsResource {
    private final CdrService cdrs;

    @Activate
    public CdrsResource(@Reference CdrService cdrs) {
        this.cdrs = cdrs;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, MediaType.APPLICATION_XML, Exports.TEXT_XML})
    @Doc("Call detail records: a JSON page with limit (next cursor), else every row streamed as JSON, CSV or XML")
    public Response list(@BeanParam RecordParameters common, @BeanParam RecordParameters.Cdrs filters,
            @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security) {
        return Exports.answer(cdrs, uri, headers, Caller.of(security));
    }

    @GET
    @Path("summary")
    @Doc("Calls, answered calls, total and average billsec per day, hour, src, dst, disposition or accountcode")
    public Results summary(@QueryParam("group") String group, @BeanParam RecordParameters common,
            @BeanParam RecordParameters.Cdrs filters, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Map<String, List<String>> parameters = uri.getQueryParameters();
        return Results.of(cdrs.summary(cdrs.query(parameters, caller), group, caller));
    }

    @PUT
    @Path("{uniqueid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Fields(value = CdrFields.class, constant = "USERFIELD", name = "CdrUserfield", answers = false)
    @Doc("Set the userfield of the CDRs of a call leg (CRM tags); read-write keys only")
    public Response userfield(@PathParam("uniqueid") String uniqueid, JsonBody body,
            @Context SecurityContext security) {
        String value = CdrFields.userfield(body);
        cdrs.updateUserfield(uniqueid, value, Caller.of(security));
        return Response.ok().build();
    }
}
