package com.example.dialplane.hello;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A vendor's endpoint with a table of its own: the bundle ships {@code db/migration/V1__greetings.sql}, and
 * core applies it when this component activates. A singleton (the default scope), so the migration check runs
 * once per activation, not once per request.
 */
@Component(service = GreetingsResource.class)
@PbxResource(name = "example.vendor.greetings")
@Path("vendor/greetings")
@Produces(MediaType.APPLICATION_JSON)
public class GreetingsResource {
    private static final int MAX_LENGTH = 200;

    private final Jdbc jdbc;

    @Activate
    public GreetingsResource(@Reference Database database, BundleContext context) {
        database.migrate(context.getBundle());
        this.jdbc = new Jdbc(database.pbx());
    }

    /** The caller's tenant's greetings, newest first. */
    @GET
    public Map<String, List<Map<String, Object>>> list(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return Map.of("results", jdbc.run(connection -> Jdbc.rows(connection, SqlFragment.of(
                "SELECT id, text FROM example_vendor_greetings WHERE tenant_id = ? ORDER BY id DESC LIMIT 100",
                caller.tenantId()))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(JsonBody body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireWriter();
        Object text = body == null ? null : body.get("text");
        if (!(text instanceof String value) || value.isBlank() || value.length() > MAX_LENGTH) {
            throw ApiException.badRequest("text: a string of 1 to " + MAX_LENGTH + " characters is required");
        }
        jdbc.run(connection -> Jdbc.update(connection,
                "INSERT INTO example_vendor_greetings (tenant_id, text) VALUES (?, ?)", caller.tenantId(), value));
        return Response.status(Response.Status.CREATED).build();
    }
}
