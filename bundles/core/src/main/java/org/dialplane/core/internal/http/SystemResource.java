package org.dialplane.core.internal.http;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dialplane.core.internal.db.DatabaseStatus;
import org.dialplane.core.ami.Ami;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.Public;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Health and the state of the container. */
@Component(service = SystemResource.class)
@JakartarsResource
@JakartarsName("dialplane.system")
@JakartarsExtensionSelect(Authentication.REQUIRED)
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {
    private final BundleContext context;
    private final DatabaseStatus database;

    /** Optional and dynamic: health answers even while AMI's component is (re)starting. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ami ami;

    @Activate
    public SystemResource(BundleContext context, @Reference DatabaseStatus database) {
        this.context = context;
        this.database = database;
    }

    /** Liveness: answers without authentication. */
    @GET
    @Public
    @Path("health")
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "up");
        health.put("version", context.getBundle().getVersion().toString());
        health.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        health.put("database", database.describe());
        Ami current = ami;
        health.put("ami", current == null ? "unknown" : current.state().name().toLowerCase(Locale.ROOT));
        return health;
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
