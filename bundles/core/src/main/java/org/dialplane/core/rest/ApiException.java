package org.dialplane.core.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * Thrown by resources to answer with a problem+json error. Core maps it to the response; resources never
 * build error responses themselves.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ApiException(int status, String detail) {
        this(new Problem("about:blank", reason(status), status, detail, List.of()), Map.of());
    }

    public ApiException(Problem problem, Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, detail);
    }

    /** 422: the request is well formed but some fields are not acceptable. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(new Problem("about:blank", reason(422), 422, detail, errors), Map.of());
    }

    /** 503 with a Retry-After, for a dependency (AMI, database) that is not there right now. */
    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(new Problem("about:blank", reason(503), 503, detail, List.of()),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** The standard reason phrase of a status code, used as the problem title. */
    public static String reason(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        if (status == 429) {
            return "Too Many Requests";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
