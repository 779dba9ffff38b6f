package org.dialplane.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One HTTP request of a scenario, before it is addressed to a target. */
public record Request(String method, String path, String contentType, byte[] body) {

    public static Request get(String path) {
        return new Request("GET", path, null, null);
    }

    public static Request postJson(String path, String json) {
        return new Request("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes on the wire for a target: HTTP/1.1, keep-alive, the bearer token when there is one. */
    public byte[] encode(String hostHeader, String bearerToken) {
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: application/json\r\n");
        if (bearerToken != null) {
            head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return headBytes;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(headBytes.length + body.length);
        bytes.writeBytes(headBytes);
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
