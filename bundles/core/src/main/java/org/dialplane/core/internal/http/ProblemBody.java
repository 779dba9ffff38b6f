package org.dialplane.core.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.internal.rest.Json;
import org.dialplane.core.rest.Problem;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A problem as it is sent: its fields and the request's id ({@code "requestId"}, RFC 9457 allows extension
 * members), so that a client reporting an error names the request the access log and the server log know.
 */
final class ProblemBody {
    static final String REQUEST_ID = "requestId";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ProblemBody() {
    }

    /** The problem with the id; the problem itself when there is no id (outside the HTTP server: tests). */
    static Object of(Problem problem, Object requestId) {
        if (!(requestId instanceof String id)) {
            return problem;
        }
        Map<String, Object> body = Json.MAPPER.convertValue(problem, MAP);
        body.put(REQUEST_ID, id);
        return body;
    }
}
