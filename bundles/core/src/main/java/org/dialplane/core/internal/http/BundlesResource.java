package org.dialplane.core.internal.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.PbxResource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /pbxapi/system/bundles}. A class of its own, apart from the public health in {@link SystemResource}, so
 * that it is served only while authentication is active.
 */
@Component(service = BundlesResource.class)
@PbxResource(name = "dialplane.system.bundles")
@Path("system/bundles")
@Produces(MediaType.APPLICATION_JSON)
public class BundlesResource {
    private final BundleContext context;

    @Activate
    public BundlesResource(BundleContext context) {
        this.context = context;
    }

    /** The bundles of the container and their states. */
    @GET
    @GlobalOnly
    public Map<String, Object> bundles() {
        List<Map<String, Object>> bundles = Arrays.stream(context.getBundles()).map(BundlesResource::describe)
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
