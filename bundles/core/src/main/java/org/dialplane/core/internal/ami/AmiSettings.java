package org.dialplane.core.internal.ami;

import java.time.Duration;
import java.util.function.Function;

/**
 * Where and how to reach AMI, from the framework properties the launcher sets ({@code dialplane.ami.*}).
 *
 * @param host           AMI host; empty means no PBX is attached
 * @param port           AMI port
 * @param user           AMI user (manager.conf)
 * @param secret         AMI secret
 * @param connectTimeout how long one connect-and-login attempt may take
 * @param backoffMin     the first reconnect delay, doubled after each failed attempt
 * @param backoffMax     the largest reconnect delay
 * @param keepAlive      how often an idle-or-not connection is checked with a Ping; one unanswered within
 *                       {@code connectTimeout} means the connection is dead even if TCP has not noticed
 */
public record AmiSettings(String host, int port, String user, String secret, Duration connectTimeout,
        Duration backoffMin, Duration backoffMax, Duration keepAlive) {

    public static final int DEFAULT_PORT = 5038;

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    /** Reads the settings through a property lookup such as {@code BundleContext::getProperty}. */
    public static AmiSettings from(Function<String, String> properties) {
        return new AmiSettings(text(properties, "dialplane.ami.host", ""),
                (int) number(properties, "dialplane.ami.port", DEFAULT_PORT),
                text(properties, "dialplane.ami.user", ""), text(properties, "dialplane.ami.secret", ""),
                Duration.ofMillis(number(properties, "dialplane.ami.connect.timeout.ms", 3000)),
                Duration.ofMillis(number(properties, "dialplane.ami.backoff.min.ms", 500)),
                Duration.ofMillis(number(properties, "dialplane.ami.backoff.max.ms", 10_000)),
                Duration.ofMillis(number(properties, "dialplane.ami.keepalive.ms", 20_000)));
    }

    private static String text(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null ? fallback : value.trim();
    }

    private static long number(Function<String, String> properties, String key, long fallback) {
        String value = text(properties, key, "");
        try {
            return value.isEmpty() ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        return "AmiSettings[" + user + "@" + host + ":" + port + "]";
    }
}
