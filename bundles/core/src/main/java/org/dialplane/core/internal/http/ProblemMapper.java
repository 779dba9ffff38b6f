package org.dialplane.core.internal.http;

import java.util.List;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.MediaTypes;
import org.dialplane.core.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns every exception that leaves a resource, including Jersey's own (404, 405, 415, malformed JSON), into
 * an {@code application/problem+json} response. Unexpected exceptions are logged and answered with a 500
 * that reveals nothing of the server's internals.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("dialplane.problems")
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ApiException api) {
            Response.ResponseBuilder builder = respond(api.problem());
            api.headers().forEach(builder::header);
            return builder.build();
        }
        if (exception instanceof JsonProcessingException json) {
            return respond(problem(400, "The request body is not valid JSON: " + json.getOriginalMessage())).build();
        }
        if (exception instanceof WebApplicationException web) {
            return fromWebApplicationException(web);
        }
        LOG.error("Unexpected error answering {}", path(), exception);
        return respond(problem(500, "The server could not answer this request; the error has been logged."))
                .build();
    }

    private Response fromWebApplicationException(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        if (web.getCause() instanceof JsonProcessingException json) {
            return respond(problem(400, "The request body is not valid JSON: " + json.getOriginalMessage())).build();
        }
        String detail;
        if (web instanceof NotFoundException) {
            detail = "No resource at " + path();
        } else if (web instanceof NotAllowedException) {
            detail = "Method not allowed on " + path() + "; allowed: " + String.join(", ",
                    original.getAllowedMethods());
        } else if (status >= 500) {
            LOG.error("Server error answering {}", path(), web);
            detail = "The server could not answer this request; the error has been logged.";
        } else {
            detail = web.getMessage();
        }
        Response.ResponseBuilder builder = respond(problem(status, detail));
        if (!original.getAllowedMethods().isEmpty()) {
            builder.allow(original.getAllowedMethods());
        }
        Object retryAfter = original.getHeaders().getFirst("Retry-After");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    private String path() {
        return uriInfo == null ? "this path" : uriInfo.getRequestUri().getRawPath();
    }

    static Problem problem(int status, String detail) {
        return new Problem("about:blank", ApiException.reason(status), status, detail, List.of());
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(MediaTypes.PROBLEM_JSON_TYPE).entity(problem);
    }
}
