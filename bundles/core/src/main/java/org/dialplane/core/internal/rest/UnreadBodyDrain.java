package org.dialplane.core.internal.rest;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Reads what is left of a request body nobody read before the response goes out, so that the connection can
 * carry the client's next request. A request answered without its body being read (a 401 before a POST's JSON, a
 * 404, a validation error on the path) left its body in flight: Jetty then closed the kept-alive connection
 * right after the response, without saying so, and a client reusing it (as every HTTP client does) saw its next
 * request fail with no answer. A body larger than the API accepts is not read: the response says
 * {@code Connection: close} instead. (A client that sent {@code Expect: 100-continue} gets its 100 and sends the
 * body, which is then read like any other.)
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("dialplane.bodydrain")
public class UnreadBodyDrain implements ContainerResponseFilter {
    private final long maxBytes;

    @Activate
    public UnreadBodyDrain(BundleContext context) {
        this(BodySizeLimit.parseLimit(context.getProperty(BodySizeLimit.PROPERTY)));
    }

    UnreadBodyDrain(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        long declared = declaredLength(request);
        // HTTP/1.1: a request without Content-Length or Transfer-Encoding has no body (every plain GET); nothing
        // to look for, and looking would cost each cheap request a read of its input stream.
        if (declared == 0 || declared < 0 && request.getHeaderString("Transfer-Encoding") == null) {
            return;
        }
        // Too large to read for nothing; checked first, since looking for a body waits for its first byte.
        if (declared > maxBytes || unread(request) && !drained(request.getEntityStream())) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    /** Whether the request has a body that no one has read; a body read (and closed) by a resource has not. */
    private static boolean unread(ContainerRequestContext request) {
        try {
            return request.hasEntity();
        } catch (IllegalStateException alreadyRead) {
            return false;
        }
    }

    private static long declaredLength(ContainerRequestContext request) {
        try {
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Reads the body to its end, at most {@link #maxBytes}; false when it goes on past that or cannot be read. */
    private boolean drained(InputStream body) {
        byte[] buffer = new byte[8192];
        long left = maxBytes;
        try {
            for (int read; (read = body.read(buffer, 0, (int) Math.min(buffer.length, left + 1))) >= 0;) {
                left -= read;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
