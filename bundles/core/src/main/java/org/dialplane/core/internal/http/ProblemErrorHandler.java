package org.dialplane.core.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.dialplane.core.internal.observe.RequestIds;
import org.dialplane.core.internal.rest.Json;
import org.dialplane.core.rest.MediaTypes;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's server-wide error handler, answering problem+json instead of Jetty's HTML page. Jetty calls it for the
 * requests it rejects itself before any servlet runs (an ambiguous or suspicious path, a bad Host, headers or URI
 * too long, a malformed request line or Transfer-Encoding), and for an error no servlet answered. The status is
 * Jetty's; the detail is Jetty's reason, reduced to short printable text; a 500 says nothing of its cause. Every
 * method but HEAD gets the body (Jetty's own handler writes one only for GET, POST and HEAD).
 */
public class ProblemErrorHandler extends ErrorHandler {
    private static final int MAX_DETAIL = 200;
    private static final String SERVER_FAULT = "The server could not answer this request; the error has been logged.";

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        // A request Jetty rejected before any servlet ran has no id yet: it gets one here, for the body, the
        // header and the access log.
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        if (id == null) {
            id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
            request.setAttribute(RequestIds.ATTRIBUTE, id);
        }
        byte[] body = Json.MAPPER.writeValueAsBytes(
                ProblemBody.of(ProblemMapper.problem(code, detail(code, message, cause)), id));
        response.getHeaders().put(RequestIds.HEADER, id.toString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // Jetty sends what is written even to a HEAD it rejected; the headers say what a GET would get.
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    }

    /**
     * Jetty's message, when it is one of Jetty's reasons ("Ambiguous URI path separator", "Bad HostPort"), as
     * printable ASCII of a bounded length. Jetty falls back to {@code cause.toString()}, which names classes: that,
     * a blank message and any 500 answer with a fixed text instead.
     */
    static String detail(int code, String message, Throwable cause) {
        if (code == HttpStatus.INTERNAL_SERVER_ERROR_500) {
            return SERVER_FAULT;
        }
        if (message == null || message.isBlank() || cause != null && message.equals(cause.toString())) {
            return HttpStatus.getMessage(code);
        }
        StringBuilder safe = new StringBuilder(Math.min(message.length(), MAX_DETAIL));
        for (int i = 0; i < message.length() && safe.length() < MAX_DETAIL; i++) {
            char c = message.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString().strip();
    }
}
