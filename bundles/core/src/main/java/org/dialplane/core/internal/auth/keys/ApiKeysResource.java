package org.dialplane.core.internal.auth.keys;

import java.net.URI;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /apikeys}: create (the key text is in the answer, once), list and read (never the secret), revoke. A
 * tenant caller sees and makes only its own tenant's keys.
 */
@Component(service = ApiKeysResource.class)
@PbxResource(name = "dialplane.apikeys")
@Path("apikeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {
    private final ApiKeyService keys;

    @Activate
    public ApiKeysResource(@Reference ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    public Results list(@Context SecurityContext security) throws SQLException {
        return Results.of(keys.list(Caller.of(security)).stream().map(ApiKeysResource::json).toList());
    }

    @GET
    @Path("{id}")
    public Results get(@PathParam("id") String id, @Context SecurityContext security) throws SQLException {
        return Results.one(json(keys.get(Caller.of(security), id)));
    }

    /** 201 with the key's text in the body: the only time it is ever shown. */
    @POST
    public Response create(JsonBody body, @Context SecurityContext security, @Context UriInfo uri)
            throws SQLException {
        ApiKeyService.Minted minted = keys.create(Caller.of(security), body);
        Map<String, Object> row = json(minted.key());
        row.put("key", minted.text());
        URI location = uri.getAbsolutePathBuilder().path(minted.key().id()).replaceQuery(null).build();
        // The key's secret is shown this once: no cache or proxy may keep the answer.
        return Response.created(location).entity(Results.one(row)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Revokes the key: it is refused from the next request on. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) throws SQLException {
        keys.delete(Caller.of(security), id);
        return Response.ok().build();
    }

    private static Map<String, Object> json(ApiKey key) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", key.id());
        row.put("name", key.name());
        row.put("tenant", key.tenantCode());
        row.put("read_only", key.readOnly());
        row.put("created", key.created() == null ? null : key.created().toString());
        row.put("last_used", key.lastUsed() == null ? null : key.lastUsed().toString());
        return row;
    }
}
