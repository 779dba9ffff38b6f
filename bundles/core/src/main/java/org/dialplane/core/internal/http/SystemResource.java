package org.dialplane.core.internal.http;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.dialplane.core.internal.db.DatabaseStatus;
import org.dialplane.core.ami.Ami;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.auth.Public;
import org.dialplane.core.auth.PublicResource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Health, served without authentication even while the authentication filter is not active; the bundles of
 * the container, which need a caller, are {@link BundlesResource}.
 */
@Component(service = SystemResource.class)
@PublicResource(name = "dialplane.system")
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
}
