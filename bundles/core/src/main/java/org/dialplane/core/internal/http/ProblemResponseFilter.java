package org.dialplane.core.internal.http;

import org.dialplane.core.internal.observe.RequestIds;
import org.dialplane.core.rest.MediaTypes;
import org.dialplane.core.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * The safety net behind {@link ProblemMapper}: an error response that some other provider built (an exception
 * mapper a library brings along, a resource returning {@code Response.status(400)} with plain text) is rewritten
 * as problem+json, keeping its status and headers and, when it is short text, its message. Health's 503 is the
 * one error that keeps its own JSON document ({@link Readiness.HealthDocument}): clients read its "status" word.
 * Every problem leaves with the request's id ({@link ProblemBody}).
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("dialplane.problemfilter")
public class ProblemResponseFilter implements ContainerResponseFilter {
    private static final int MAX_DETAIL = 300;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        Object entity = response.getEntity();
        if (status < 400 || entity instanceof Readiness.HealthDocument) {
            return;
        }
        Problem problem;
        if (entity instanceof Problem built) {
            problem = built;
        } else if (MediaTypes.PROBLEM_JSON_TYPE.isCompatible(response.getMediaType())) {
            return; // a problem body of someone else's making, sent as it is
        } else {
            String detail = entity instanceof String text && !text.isBlank() && text.length() <= MAX_DETAIL
                    ? text.strip() : "The request could not be served.";
            problem = ProblemMapper.problem(status, detail);
        }
        response.setEntity(ProblemBody.of(problem, request.getProperty(RequestIds.ATTRIBUTE)),
                response.getEntityAnnotations(), MediaTypes.PROBLEM_JSON_TYPE);
    }
}
