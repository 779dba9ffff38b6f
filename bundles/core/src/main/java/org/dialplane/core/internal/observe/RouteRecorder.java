package org.dialplane.core.internal.observe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.internal.http.RestRuntimeConfiguration;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Tells the access log and the request metrics what Jersey knows and Jetty does not: the route template the
 * request matched ({@code /pbxapi/extensions/{id}}, so ids never reach a log line or a metric label) and the
 * caller's name. Jersey's request properties are the servlet request's attributes, which Jetty's request log reads.
 * Every resource of every bundle goes through it: a bundle author gets request metrics without writing code.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("dialplane.routes")
public class RouteRecorder implements ContainerResponseFilter {
    /** Beyond this many distinct template chains, routes are built per request rather than remembered. */
    static final int MAX_ROUTES = 2_000;

    /**
     * The route of each chain of matched templates met so far. The templates are the resource model's own objects,
     * so one identity look-up replaces building the string per request, and every request of a route hands the
     * same String on: the request metrics compare and hash it without reading its characters.
     */
    private final Map<MatchedTemplates, String> routes = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo() instanceof ExtendedUriInfo info) {
            List<UriTemplate> templates = info.getMatchedTemplates();
            if (!templates.isEmpty()) {
                request.setProperty(RequestIds.ROUTE_ATTRIBUTE, remembered(templates));
            }
        }
        if (request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
            request.setProperty(RequestIds.CALLER_ATTRIBUTE, caller.name());
        }
    }

    private String remembered(List<UriTemplate> templates) {
        MatchedTemplates key = new MatchedTemplates(templates.toArray(new UriTemplate[0]));
        String route = routes.get(key);
        if (route == null) {
            route = route(templates);
            if (routes.size() < MAX_ROUTES) {
                routes.putIfAbsent(key, route);
            }
        }
        return route;
    }

    /** A chain of templates, equal to another only if it holds the very same template objects. */
    private static final class MatchedTemplates {
        private final UriTemplate[] templates;
        private final int hash;

        MatchedTemplates(UriTemplate[] templates) {
            this.templates = templates;
            int h = 1;
            for (UriTemplate template : templates) {
                h = 31 * h + System.identityHashCode(template);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof MatchedTemplates that) || that.templates.length != templates.length) {
                return false;
            }
            for (int i = 0; i < templates.length; i++) {
                if (templates[i] != that.templates[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Jersey lists the matched templates innermost first: the method's, then its resource's. */
    static String route(List<UriTemplate> templates) {
        StringBuilder route = new StringBuilder(RestRuntimeConfiguration.BASE_PATH);
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (part.charAt(0) != '/') {
                route.append('/');
            }
            route.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        return route.toString();
    }
}
