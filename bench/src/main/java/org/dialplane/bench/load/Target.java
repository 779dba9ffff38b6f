package org.dialplane.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** A server under load: its label in the table, where it listens (loopback only) and its bearer token. */
public record Target(String name, String host, int port, String bearerToken) {

    /** Parses {@code http://127.0.0.1:8080}; any address that is not loopback is refused. */
    public static Target parse(String name, String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException(name + ": need http://host:port, not " + url);
        }
        try {
            if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException(name + ": benchmarks run on loopback only, not " + uri.getHost());
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(name + ": unknown host " + uri.getHost());
        }
        return new Target(name, uri.getHost(), uri.getPort(), null);
    }

    public Target withToken(String token) {
        return new Target(name, host, port, token);
    }

    public String hostHeader() {
        return host + ":" + port;
    }

    public HttpConnection connect() {
        return new HttpConnection(host, port);
    }

    /** The request's bytes for this target, with the token only when the scenario needs one. */
    public byte[] encode(Request request, boolean authenticated) {
        return request.encode(hostHeader(), authenticated ? bearerToken : null);
    }
}
