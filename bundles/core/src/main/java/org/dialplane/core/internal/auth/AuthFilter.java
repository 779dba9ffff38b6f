package org.dialplane.core.internal.auth;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Set;

import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.Public;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Authenticates every request before its resource method runs and enforces the rules of
 * {@link org.dialplane.core.auth}: {@link Public} methods need nothing; others need a caller; writes need a
 * read-write caller; {@link GlobalOnly} methods need a global one.
 * <p>
 * The filter itself needs no database, so it is there as soon as core is: until the authenticator is (the
 * database may still be starting), protected methods answer 503 rather than run unauthenticated.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName(Authentication.EXTENSION_NAME)
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RequestAuthenticator authenticator;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        ResourceInfo matched = matched(request);
        Method method = matched.getResourceMethod();
        Class<?> type = matched.getResourceClass();
        if (method == null ? HttpMethod.OPTIONS.equals(request.getMethod()) : isMarked(method, type, Public.class)) {
            return;
        }
        RequestAuthenticator current = authenticator;
        if (current == null) {
            throw ApiException.unavailable("Authentication is not available yet; the database may be starting", 5);
        }
        SecurityContext security;
        try {
            security = current.authenticate(request);
        } catch (SQLException e) {
            LOG.warn("Could not check the credentials of a request: {}", e.getMessage());
            throw ApiException.unavailable("Credentials cannot be checked right now; the database is not available", 5);
        }
        request.setSecurityContext(security);
        Caller caller = (Caller) security.getUserPrincipal();
        if (method != null && isMarked(method, type, GlobalOnly.class)) {
            caller.requireGlobal();
        }
        if (!READS.contains(request.getMethod())) {
            caller.requireWriter();
        }
    }

    /**
     * What the request matched. Jersey's routing context is itself the {@link ResourceInfo}; reading it from the
     * request avoids the injected proxy, which looks the request-scoped instance up in HK2 on every call.
     */
    private ResourceInfo matched(ContainerRequestContext request) {
        return request.getUriInfo() instanceof ResourceInfo info ? info : resource;
    }

    /** Whether the method, or its resource class, carries the annotation. */
    private static boolean isMarked(Method method, Class<?> type, Class<? extends Annotation> mark) {
        return method.isAnnotationPresent(mark) || type != null && type.isAnnotationPresent(mark);
    }
}
