package org.dialplane.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the tests, bound to the container's port. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final int port;
    private final Map<String, String> defaultHeaders;

    public Http(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), port, Map.of());
    }

    private Http(HttpClient client, int port, Map<String, String> defaultHeaders) {
        this.client = client;
        this.port = port;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} (an access token or an API key). */
    public Http bearer(String token) {
        return new Http(client, port, Map.of("Authorization", "Bearer " + token));
    }

    /** A JSON request; {@code body} may be null. */
    public Response json(String method, String path, String body) {
        return send(method, path, body, Map.of("Content-Type", "application/json"));
    }

    /** A response, with its body parsed as JSON on demand. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("content-type", java.util.List.of()) + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)) // a login hashes a password: seconds on a loaded 2-core machine
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        defaultHeaders.forEach(request::header);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            // Connection refused while the server starts or a bundle restarts: a status the caller can await.
            return new Response(-1, Map.of(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
