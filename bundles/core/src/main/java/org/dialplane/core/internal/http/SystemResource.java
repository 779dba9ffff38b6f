package org.dialplane.core.internal.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.Public;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Health and the state of the container. */
@Component(service = SystemResource.class)
@JakartarsResource
@JakartarsName("dialplane.system")
@JakartarsExtensionSelect(Authentication.REQUIRED)
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {
    private final BundleContext context;
    private final Readiness readiness;

    @Activate
    public SystemResource(BundleContext context, @Reference Readiness readiness) {
        this.context = context;
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

    /** The bundles of the container and their states. */
    @GET
    @GlobalOnly
    @Path("bundles")
    public Map<String, Object> bundles() {
        List<Map<String, Object>> bundles = Arrays.stream(context.getBundles()).map(SystemResource::describe)
                .toList();
        return Map.of("results", bundles);
    }

    private static Map<String, Object> describe(Bundle bundle) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", bundle.getBundleId());
        row.put("symbolic_name", bundle.getSymbolicName());
        row.put("version", bundle.getVersion().toString());
        row.put("state", stateName(bundle.getState()));
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        if (level != null) {
            row.put("start_level", level.getStartLevel());
        }
        row.put("location", bundle.getLocation());
        return row;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }
}
