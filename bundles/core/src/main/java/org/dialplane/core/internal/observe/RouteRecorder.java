package org.dialplane.core.internal.observe;

import java.util.List;

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

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo() instanceof ExtendedUriInfo info) {
            List<UriTemplate> templates = info.getMatchedTemplates();
            if (!templates.isEmpty()) {
                request.setProperty(RequestIds.ROUTE_ATTRIBUTE, route(templates));
            }
        }
        if (request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
            request.setProperty(RequestIds.CALLER_ATTRIBUTE, caller.name());
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
