package org.dialplane.core.internal.http;

import java.util.Arrays;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.DTOConstants;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

import jakarta.ws.rs.Path;

/**
 * Which paths belong to resources the whiteboard holds back because an extension they require is not active
 * (a protected resource while the authentication filter is not). Jersey knows nothing of them and answers 404;
 * core answers 503 for their paths instead, so that a client retries rather than concludes the endpoint is gone.
 * <p>
 * The whiteboard's runtime DTO names the waiting services but not their paths, so the path is read from the
 * {@code @Path} of the class the service is registered under. Asked only on a 404, so it caches nothing.
 */
@Component(service = WaitingResources.class)
public class WaitingResources {
    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JakartarsServiceRuntime runtime;

    @Activate
    public WaitingResources(BundleContext context) {
        this.context = context;
    }

    /** Whether the path (relative to the application, e.g. {@code system/bundles}) is a waiting resource's. */
    public boolean isWaiting(String path) {
        JakartarsServiceRuntime current = runtime;
        if (current == null) {
            return false;
        }
        RuntimeDTO dto = current.getRuntimeDTO();
        if (dto.failedResourceDTOs == null) {
            return false;
        }
        String wanted = trim(path);
        return Arrays.stream(dto.failedResourceDTOs)
                .filter(failed -> failed.failureReason == DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE)
                .map(this::basePath)
                .anyMatch(base -> base != null && covers(base, wanted));
    }

    static boolean covers(String base, String path) {
        return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
    }

    private String basePath(FailedResourceDTO failed) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null,
                    "(" + Constants.SERVICE_ID + "=" + failed.serviceId + ")");
            if (references == null || references[0].getBundle() == null) {
                return null;
            }
            ServiceReference<?> reference = references[0];
            for (String name : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
                Path path = reference.getBundle().loadClass(name).getAnnotation(Path.class);
                if (path != null) {
                    return trim(path.value());
                }
            }
        } catch (InvalidSyntaxException | ClassNotFoundException | IllegalStateException e) {
            // gone or not loadable: not a path we can speak for
        }
        return null;
    }

    private static String trim(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
