package org.dialplane.core.internal.http;

import org.dialplane.core.auth.Public;
import org.dialplane.core.auth.PublicResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Health, served without authentication even while the authentication filter is not active; the bundles of
 * the container, which need a caller, are {@link BundlesResource}.
 */
@Component(service = SystemResource.class)
@PublicResource(name = "dialplane.system")
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {
    private final Readiness readiness;

    @Activate
    public SystemResource(@Reference Readiness readiness) {
        this.readiness = readiness;
    }

    /**
     * Readiness, without authentication: 200 {@code "status": "up"} when the API can do its work, 503 with
     * Retry-After and {@code "degraded"} naming what is down otherwise ({@link ReadinessGate} answers the
     * {@code "starting"} ones, before the REST application serves this).
     */
    @GET
    @Public
    @Path("health")
    public Response health() {
        Readiness.State state = readiness.state();
        Readiness.HealthDocument health = readiness.health(state);
        if (state.up()) {
            return Response.ok(health).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After",
                ReadinessGate.RETRY_AFTER_SECONDS).header("Cache-Control", "no-store").entity(health).build();
    }
}
