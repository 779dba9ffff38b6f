package org.dialplane.core.internal.observe;

import java.time.Instant;

/**
 * One answered request, as the access log and the request metrics see it.
 *
 * @param time       when the request began
 * @param requestId  its id ({@link RequestIds})
 * @param method     the HTTP method
 * @param route      the matched route template, or {@code null} when no resource matched
 * @param protocol   e.g. {@code HTTP/1.1}
 * @param status     the status sent
 * @param bytes      the body bytes sent
 * @param nanos      from the request's arrival to the end of its answer
 * @param caller     the authenticated caller's name, or {@code null}
 * @param remote     the client's address
 * @param userAgent  the User-Agent header, or {@code null}
 * @param referer    the Referer header, or {@code null}
 */
public record RequestRecord(Instant time, String requestId, String method, String route, String protocol, int status,
        long bytes, long nanos, String caller, String remote, String userAgent, String referer) {
}
