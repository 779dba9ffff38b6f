package org.dialplane.core.internal.http;

import java.util.List;
import java.util.stream.Collectors;

import org.dialplane.core.db.DatabaseException;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.MediaTypes;
import org.dialplane.core.rest.Problem;
import org.eclipse.jetty.http.HttpException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns every exception that leaves a resource, including Jersey's own (404, 405, 406, 415), Jackson's
 * (malformed JSON, a value of the wrong type) and Jetty's while reading the body (a malformed chunk), into an
 * {@code application/problem+json} response. Unexpected exceptions are logged and answered with a 500 that
 * reveals nothing of the server's internals.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("dialplane.problems")
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final int DATABASE_RETRY_SECONDS = 5;
    private static final int AUTH_RETRY_SECONDS = 5;

    /** Optional and dynamic: a 404 is still a 404 while it is (re)starting. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WaitingResources waiting;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        // Jersey wraps what a body reader or interceptor throws; the cause says what went wrong.
        Response inner = fromCauses(exception, path());
        if (inner != null) {
            return inner;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json && fromJson(json) != null) {
                return respond(fromJson(json)).build();
            }
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                // Jetty failing to read the body it was sent (a malformed chunk, a body cut short): the request's fault.
                int status = http.getCode();
                return respond(problem(status, ProblemErrorHandler.detail(status, http.getReason(), null))).build();
            }
        }
        if (exception instanceof WebApplicationException web) {
            return fromWebApplicationException(web);
        }
        return unexpected(exception, path());
    }

    /**
     * The answer for an {@link ApiException} or an unavailable database anywhere in the chain, or {@code null}.
     * They come first, before any JSON or HTTP wrapping around them: Jackson wraps what a row read while writing
     * throws (a whole list streamed from the database) in a {@link com.fasterxml.jackson.databind.JsonMappingException}.
     */
    static Response fromCauses(Throwable exception, String path) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                Response.ResponseBuilder builder = respond(api.problem());
                api.headers().forEach(builder::header);
                return builder.build();
            }
            if (cause instanceof DatabaseException database && database.unavailable()
                    || DatabaseException.isConnectionFailure(cause)) {
                LOG.warn("Database unavailable while answering {}: {}", path, cause.getMessage());
                // A busy lock says so in our own words; a driver's message is not shown.
                String detail = cause instanceof DatabaseException busy && busy.getCause() == null ? busy.getMessage()
                        : "The database is not available right now; try again shortly.";
                return respond(problem(503, detail))
                        .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_SECONDS).build();
            }
        }
        return null;
    }

    /** A 500 that reveals nothing, with the exception logged for the operator. */
    static Response unexpected(Throwable exception, String path) {
        LOG.error("Unexpected error answering {}", path, exception);
        return respond(problem(500, "The server could not answer this request; the error has been logged."))
                .build();
    }

    /**
     * Malformed JSON is a 400. A well-formed body with a value of the wrong type for a field (when a resource
     * binds the body to a class) is a 422 naming the field, like any other invalid field. {@code null} for what is
     * the server's fault, not the request's: a class Jackson cannot handle, or a failure writing a response.
     */
    static Problem fromJson(JsonProcessingException json) {
        if (json instanceof InvalidDefinitionException || json instanceof JsonGenerationException) {
            return null;
        }
        for (Throwable cause = json.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException) {
                return null; // a query failing while a list is written: not the request's body
            }
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(ProblemMapper::pathElement)
                    .collect(Collectors.joining("."));
            Class<?> target = mismatch.getTargetType();
            String message = target == null ? "has the wrong type" : "must be " + typeName(target);
            return ApiException.invalid(List.of(new Problem.FieldError(field, message))).problem();
        }
        if (json instanceof MismatchedInputException) {
            return problem(400, "The request body does not have the expected shape (a JSON object)");
        }
        String detail = json.getOriginalMessage();
        if (json.getLocation() != null) {
            detail += " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                    + ")";
        }
        return problem(400, "The request body is not valid JSON: " + detail);
    }

    private static String pathElement(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : Integer.toString(reference.getIndex());
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private Response fromWebApplicationException(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        String detail;
        if (web instanceof NotFoundException && isWaiting()) {
            return respond(problem(503, "Not available: authentication is not active; try again shortly."))
                    .header(HttpHeaders.RETRY_AFTER, AUTH_RETRY_SECONDS).build();
        } else if (web instanceof NotFoundException) {
            detail = "No resource at " + path();
        } else if (web instanceof NotAllowedException) {
            detail = "Method not allowed on " + path() + "; allowed: " + String.join(", ",
                    original.getAllowedMethods());
        } else if (web instanceof NotSupportedException) {
            detail = "Content type " + (headers == null || headers.getMediaType() == null ? "(none)"
                    : headers.getMediaType()) + " is not accepted here; send application/json";
        } else if (web instanceof NotAcceptableException) {
            detail = "This resource cannot answer in the media types the request accepts";
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

    /** A 404 for the path of a resource the whiteboard holds back until its extensions (authentication) are active. */
    private boolean isWaiting() {
        WaitingResources current = waiting;
        return current != null && uriInfo != null && current.isWaiting(uriInfo.getPath());
    }

    private String path() {
        return uriInfo == null ? "this path" : uriInfo.getRequestUri().getRawPath();
    }

    static Problem problem(int status, String detail) {
        return new Problem("about:blank", ApiException.reason(status), status, detail, List.of());
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(MediaTypes.PROBLEM_JSON_TYPE).entity(problem);
    }
}
