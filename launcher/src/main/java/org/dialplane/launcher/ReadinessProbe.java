package org.dialplane.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Decides when the launcher may say "ready": when a login would work. Health must answer 200 (the database usable
 * through the pool, every bundle of the features active, the REST application serving every resource, the auth
 * filter and login among them), and then the login resource itself must answer a login without a password with
 * its 400, past the readiness gate and the auth filter. Before that the API answers 503 (or refuses connections),
 * which is polled again.
 * <p>
 * Not a wrong password and its 401: every password check, even for a user that does not exist, derives a PBKDF2
 * hash of 600,000 iterations, which would add CPU time to every start on a small machine and count as a failed
 * login in the login throttle. The launcher's integration test logs in right after the ready line.
 */
final class ReadinessProbe {
    private static final byte[] PROBE_LOGIN = "user=dialplane.readiness.probe".getBytes(StandardCharsets.US_ASCII);
    private static final long POLL_MILLIS = 20;

    private ReadinessProbe() {
    }

    /** Waits until ready; {@code null} when it is, else what was last seen when the deadline passed. */
    static String await(int port, long timeoutMillis) throws InterruptedException {
        URI base = URI.create("http://127.0.0.1:" + port + "/pbxapi/");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String last = "no connection";
        boolean healthy = false;
        while (System.nanoTime() < deadline) {
            try {
                if (!healthy) {
                    int health = exchange(base.resolve("system/health"), null);
                    healthy = health == 200;
                    last = "health answered " + health;
                }
                if (healthy) {
                    int login = exchange(base.resolve("authenticate"), PROBE_LOGIN);
                    if (login == 400) {
                        return null;
                    }
                    last = "a login without password answered " + login + " instead of 400";
                }
            } catch (IOException notYet) {
                last = "no connection (" + notYet.getMessage() + ")";
            }
            Thread.sleep(POLL_MILLIS);
        }
        return last;
    }

    private static int exchange(URI uri, byte[] form) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(5000);
        if (form != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(form);
            }
        }
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
