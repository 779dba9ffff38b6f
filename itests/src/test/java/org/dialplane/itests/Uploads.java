package org.dialplane.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests with binary bodies and answers, which {@link Http} (text only) does not send: uploads and downloads. */
final class Uploads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String BOUNDARY = "dialplane-it-3f9a";

    private final int port;
    private final String credential;

    Uploads(int port, String credential) {
        this.port = port;
        this.credential = credential;
    }

    /** An answer with its body as bytes. */
    record Reply(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + (body.length > 500 ? body.length + " bytes" : text());
        }
    }

    /** {@code body} with its length declared, or, when {@code chunked}, streamed without a Content-Length. */
    Reply send(String method, String path, String contentType, byte[] body, boolean chunked,
            Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, publisher)
                .header("Authorization", "Bearer " + credential);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Reply raw(String method, String path, byte[] audio) {
        return send(method, path, "audio/wav", audio, false, Map.of());
    }

    Reply get(String path) {
        return send("GET", path, null, null, false, Map.of());
    }

    Reply json(String method, String path, String body) {
        return send(method, path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false, Map.of());
    }

    /** A multipart/form-data body as curl -F sends it: text fields, then the audio as {@code filename}. */
    Reply form(String method, String path, Map<String, String> fields, byte[] audio) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"audio.wav\""
                + "\r\nContent-Type: audio/x-wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(audio);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(method, path, "multipart/form-data; boundary=" + BOUNDARY, out.toByteArray(), false, Map.of());
    }

    /** The id at the end of a 201's Location. */
    static String createdId(Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("Not created: " + reply);
        }
        String location = reply.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
