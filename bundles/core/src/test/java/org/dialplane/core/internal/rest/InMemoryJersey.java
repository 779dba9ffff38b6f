package org.dialplane.core.internal.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Jersey, configured as the whiteboard configures it for core, answering requests in memory: the real request
 * pipeline (matching, readers, interceptors, exception mappers, writers) without a socket.
 */
final class InMemoryJersey {
    static final URI BASE = URI.create("http://localhost/pbxapi/");

    private static final SecurityContext ANONYMOUS = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };

    private final ApplicationHandler handler;

    InMemoryJersey(ResourceConfig config) {
        this.handler = new ApplicationHandler(config);
    }

    /** A response as a client sees it; {@code bytes} is the body as sent, for binary bodies. */
    record Answer(int status, MultivaluedMap<String, Object> headers, String body, byte[] bytes) {
        String header(String name) {
            Object value = headers.getFirst(name);
            return value == null ? null : value.toString();
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null, false);
    }

    Answer send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** @param chunked whether to leave out Content-Length, as a chunked upload does */
    Answer send(String method, String path, String contentType, byte[] body, boolean chunked) {
        return send(method, path, contentType, body, chunked, Map.of());
    }

    /** A request without a body, with these headers. */
    Answer send(String method, String path, Map<String, String> headers) {
        return send(method, path, null, null, false, headers);
    }

    private Answer send(String method, String path, String contentType, byte[] body, boolean chunked,
            Map<String, String> headers) {
        ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), method, ANONYMOUS,
                new MapPropertiesDelegate(), handler.getConfiguration());
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body));
            if (!chunked) {
                request.header("Content-Length", Integer.toString(body.length));
            }
        }
        Capture capture = new Capture();
        request.setWriter(capture);
        handler.handle(request);
        if (capture.response == null) {
            throw new AssertionError("No response", capture.failure);
        }
        return new Answer(capture.response.getStatus(), capture.response.getHeaders(),
                capture.body.toString(StandardCharsets.UTF_8), capture.body.toByteArray());
    }

    private static final class Capture implements ContainerResponseWriter {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        ContainerResponse response;
        Throwable failure;

        @Override
        public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse containerResponse) {
            this.response = containerResponse;
            return body;
        }

        @Override
        public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
            return false;
        }

        @Override
        public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
        }

        @Override
        public void commit() {
        }

        @Override
        public void failure(Throwable error) {
            this.failure = error;
        }

        @Override
        public boolean enableResponseBuffering() {
            return false;
        }
    }
}
