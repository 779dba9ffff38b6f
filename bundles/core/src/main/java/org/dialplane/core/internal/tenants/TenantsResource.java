package org.dialplane.core.internal.tenants;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /tenants}: the tenants of the installation, managed by global callers only. */
@Component(service = TenantsResource.class)
@PbxResource(name = "dialplane.tenants")
@Path("tenants")
@GlobalOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {
    private final TenantService tenants;

    @Activate
    public TenantsResource(@Reference TenantService tenants) {
        this.tenants = tenants;
    }

    @GET
    public Results list() throws SQLException {
        return Results.of(tenants.list().stream().map(TenantsResource::json).toList());
    }

    /** A tenant by its id or its code. */
    @GET
    @Path("{id}")
    public Results get(@PathParam("id") String id) throws SQLException {
        return Results.one(json(tenants.get(id)));
    }

    @POST
    public Response create(JsonBody body, @Context UriInfo uri) throws SQLException {
        return Crud.created(uri, Long.toString(tenants.create(body).id()));
    }

    /** Changes the fields sent; answers the tenant as it now is. */
    @PUT
    @Path("{id}")
    public Results update(@PathParam("id") String id, JsonBody body) throws SQLException {
        return Results.one(json(tenants.update(id, body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws SQLException {
        tenants.delete(id);
        return Response.ok().build();
    }

    private static Map<String, Object> json(Tenant tenant) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", tenant.id());
        row.put("code", tenant.code());
        row.put("name", tenant.name());
        row.put("enabled", tenant.enabled());
        row.put("range_start", tenant.rangeStart());
        row.put("range_end", tenant.rangeEnd());
        return row;
    }
}
