package org.dialplane.core.internal.audit;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.dialplane.core.audit.AuditEntry;
import org.dialplane.core.audit.AuditLog;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.JsonBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Records every write through the REST API (any method but GET, HEAD and OPTIONS, whatever its outcome, including
 * refused credentials and login attempts) in the {@link AuditLog}, once the answer is known: who (the caller, or
 * the API key id or user name presented when refused), the tenant, the client's address, the method, the matched
 * path template, the path's ids (and a created object's id, from {@code Location}), the names of the body's
 * fields and the status. It sits in front of every resource of the application, so bundles need no code for it.
 * Recording only queues the entry, and any failure here is logged, never answered.
 */
@Component(service = { ContainerResponseFilter.class, ReaderInterceptor.class })
@JakartarsExtension
@JakartarsName("dialplane.audit.filter")
@Priority(Priorities.AUTHENTICATION)
public class AuditFilter implements ContainerResponseFilter, ReaderInterceptor {
    /** Request property: the id of the API key presented (set by the authenticator, even when it is refused). */
    public static final String KEY_ID = "dialplane.audit.key.id";
    /** Request property: the user name of a login attempt. */
    public static final String LOGIN_USER = "dialplane.audit.login.user";
    /** Request property: the names of the body's fields, set as the body is read. */
    static final String FIELD_NAMES = "dialplane.audit.fields";

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final int MAX_FIELDS = 100;

    private final AuditLog log;

    @Context
    HttpServletRequest servletRequest;

    @Activate
    public AuditFilter(@Reference AuditLog log) {
        this.log = log;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        try {
            if (entity instanceof JsonBody body) {
                context.setProperty(FIELD_NAMES, List.copyOf(body.names()).subList(0,
                        Math.min(MAX_FIELDS, body.names().size())));
            } else if (entity instanceof Map<?, ?> map) {
                context.setProperty(FIELD_NAMES, map.keySet().stream().limit(MAX_FIELDS).map(String::valueOf)
                        .toList());
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not note the body's field names for the audit log", e);
        }
        return entity;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        try {
            log.record(entry(request, response.getStatus(), response.getLocation(), address()));
        } catch (RuntimeException e) {
            LOG.warn("Could not record a write in the audit log: {}", e.toString());
        }
    }

    static AuditEntry entry(ContainerRequestContext request, int status, URI location, String address) {
        Caller caller = request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof Caller c ? c : null;
        String keyId = request.getProperty(KEY_ID) instanceof String id ? id : null;
        String loginUser = request.getProperty(LOGIN_USER) instanceof String user ? user : null;
        String kind;
        String actor;
        if (keyId != null) {
            kind = AuditEntry.KEY;
            actor = keyId;
        } else if (caller != null || loginUser != null) {
            kind = AuditEntry.USER;
            actor = caller != null ? caller.name() : loginUser;
        } else {
            kind = AuditEntry.NONE;
            actor = null;
        }
        @SuppressWarnings("unchecked")
        List<String> fields = request.getProperty(FIELD_NAMES) instanceof List<?> names ? (List<String>) names
                : List.of();
        return new AuditEntry(Instant.now(), kind, actor, caller == null ? null : caller.name(),
                caller == null ? null : caller.tenantId(), caller == null ? null : caller.tenantCode(),
                caller != null && caller.global(), address, request.getMethod(), template(request),
                objectIds(request.getUriInfo().getPathParameters(), location), fields, status);
    }

    /**
     * The matched path template relative to the API's root ({@code /extensions/{ids}}), so that entries group by
     * operation; the raw path when nothing matched.
     */
    static String template(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ResourceInfo info && info.getResourceMethod() != null) {
            StringBuilder path = new StringBuilder();
            append(path, info.getResourceClass() == null ? null : info.getResourceClass().getAnnotation(Path.class));
            append(path, info.getResourceMethod().getAnnotation(Path.class));
            return path.length() == 0 ? "/" : path.toString();
        }
        return "/" + request.getUriInfo().getPath(false);
    }

    private static void append(StringBuilder path, Path segment) {
        if (segment == null) {
            return;
        }
        String value = segment.value().replaceAll("^/+|/+$", "");
        if (!value.isEmpty()) {
            path.append('/').append(value);
        }
    }

    /** {@code name=value} for each path parameter, and {@code created=id} from a {@code Location} answered. */
    static String objectIds(MultivaluedMap<String, String> parameters, URI location) {
        StringJoiner ids = new StringJoiner("; ");
        ids.setEmptyValue("");
        parameters.forEach((name, values) -> values.forEach(value -> ids.add(name + "=" + value)));
        if (location != null && location.getPath() != null) {
            String created = location.getPath().replaceAll("/+$", "");
            ids.add("created=" + created.substring(created.lastIndexOf('/') + 1));
        }
        return ids.length() == 0 ? null : ids.toString();
    }

    private String address() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
