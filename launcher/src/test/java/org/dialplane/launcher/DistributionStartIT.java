package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The distribution as a user starts it, on a fresh home (so the embedded MariaDB installs itself): from the moment
 * the process starts, a client logging in gets a refused connection, a 503 problem+json with Retry-After, or its
 * tokens; never a 404 and never HTML. The "ready" line comes only once a login works, and SIGTERM ends it with 0.
 */
class DistributionStartIT {
    private static final Path DISTRIBUTION = Path.of("target", "dialplane").toAbsolutePath();
    private static final String PASSWORD = "distribution-IT-password-1";
    /** A first start installs MariaDB (5-8 s on two cores, more when other builds share them). */
    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private static final long POLL_MILLIS = 20;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Long> readyLine = new CompletableFuture<>();

    @Test
    void whenStarted_everyLoginAnswersRefused503OrTokens_andReadyComesOnlyWhenALoginWorks() throws Exception {
        Path home = Files.createTempDirectory("dialplane-start-it");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(DISTRIBUTION.resolve("bin/dialplane").toString(), "--home",
                home.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1").redirectErrorStream(true);
        builder.environment().put("DIALPLANE_ADMIN_PASSWORD", PASSWORD);
        builder.environment().remove("DIALPLANE_DB_URL");
        Process process = builder.start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            readOutput(process);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            List<Integer> seen = new ArrayList<>();
            Long firstLogin = null;
            while (firstLogin == null) {
                if (System.nanoTime() > deadline) {
                    fail("No login worked within " + DEADLINE + "; statuses " + seen + "; output " + output);
                }
                assertTrue(process.isAlive(), () -> "the product exited: " + output);
                children.addAll(process.descendants().toList());
                HttpResponse<String> response = login(client, port);
                if (response == null) {
                    seen.add(0); // refused: the public port is not open yet
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                seen.add(response.statusCode());
                String type = response.headers().firstValue("content-type").orElse("");
                if (response.statusCode() == 200) {
                    assertTrue(response.body().contains("access_token"), response.body());
                    firstLogin = System.nanoTime();
                } else {
                    assertEquals(503, response.statusCode(), () -> "answered " + response.statusCode() + " "
                            + type + ": " + response.body() + " after " + seen);
                    assertTrue(type.startsWith("application/problem+json"), () -> type + ": " + response.body());
                    assertTrue(response.body().contains("\"status\":503"), response.body());
                    assertNotNull(response.headers().firstValue("retry-after").orElse(null), response.body());
                    Thread.sleep(POLL_MILLIS);
                }
            }
            long ready = readyLine.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            HttpResponse<String> afterReady = login(client, port);
            assertNotNull(afterReady, "refused after the ready line");
            assertEquals(200, afterReady.statusCode(), afterReady::body);
            assertTrue(output.stream().anyMatch(line -> line.startsWith("Embedded MariaDB ready in")
                    && line.contains("first start: installed")), output::toString);
            System.out.printf("DistributionStartIT: first login after %d polls, ready line %.2f s after it%n",
                    seen.size(), (ready - firstLogin) / 1e9);

            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not stop within 60 s of SIGTERM");
            assertEquals(0, process.exitValue(), output::toString);
        } finally {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly); // an embedded mysqld left behind by a failure
            deleteRecursively(home);
        }
    }

    /** A login as admin; {@code null} when the connection is refused. */
    private static HttpResponse<String> login(HttpClient client, int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pbxapi/authenticate"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=admin&password=" + PASSWORD))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            return null;
        }
    }

    private void readOutput(Process process) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith("Dialplane ready on ")) {
                        readyLine.complete(System.nanoTime());
                    }
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "dialplane-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
