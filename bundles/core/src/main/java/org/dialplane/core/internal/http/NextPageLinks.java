package org.dialplane.core.internal.http;

import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Turns the {@code next} cursor of a list ({@link Results#next()}) into the URL of the next page, the request's own
 * with {@code after} set (and {@code offset}, {@code total} dropped: the cursor says where, and counting once is
 * enough), shown as {@code "next"} and in a {@code Link: <url>; rel="next"} header, as the cdr bundle's pages are.
 * A service returns the cursor only; it does not know the request's URL.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("dialplane.nextpagelinks")
public class NextPageLinks implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Results results) || results.next() == null) {
            return;
        }
        String next = request.getUriInfo().getRequestUriBuilder().replaceQueryParam("after", results.next())
                .replaceQueryParam("offset").replaceQueryParam("total").build().toString();
        response.setEntity(new Results(results.results(), results.total(), next), response.getEntityAnnotations(),
                response.getMediaType());
        response.getHeaders().add("Link", "<" + next + ">; rel=\"next\"");
    }
}
