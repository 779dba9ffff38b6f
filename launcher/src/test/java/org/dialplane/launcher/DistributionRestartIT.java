package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A home used twice, as an appliance uses it: the first start (no admin password configured) copies the default
 * settings into {@code etc/}, starts the embedded database because no URL is set, and prints a generated admin
 * password once; the second start prints none, and an access token issued before the restart still works
 * (the signing key is kept in the database). The server log goes to log/dialplane.log, plain lines by default and
 * JSON lines with the request id under {@code log.format=json}. A run leaves nothing in the JVM's temporary
 * folder. {@code --help} names every setting.
 */
class DistributionRestartIT {
    private static final Path DISTRIBUTION = Path.of("target", "dialplane").toAbsolutePath();
    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("user 'admin' created with password: (\\S+)");

    @Test
    void whenHelpAsked_thenEverySettingIsNamedAndNothingStarts() throws Exception {
        Process process = new ProcessBuilder(DISTRIBUTION.resolve("bin/dialplane").toString(), "--help")
                .redirectErrorStream(true).start();
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), help);
        for (Setting setting : Setting.values()) {
            assertTrue(help.contains(setting.env) && help.contains(setting.key), setting + " in " + help);
        }
    }

    @Test
    void whenStartedTwiceOnOneHome_thenPasswordPrintedOnceAndTokensSurviveTheRestart() throws Exception {
        Path home = Files.createTempDirectory("dialplane-restart-it");
        int port = freePort();
        try {
            Run first = start(home, port);
            Matcher printed = first.awaitLine(PRINTED_PASSWORD);
            first.awaitReady();
            assertTrue(first.output.stream().anyMatch(line -> line.startsWith("Embedded MariaDB ready in")),
                    first.output::toString);
            assertTrue(Files.isRegularFile(home.resolve("etc/dialplane.cfg")), "the default settings are copied");
            String password = printed.group(1);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> login = login(client, port, password);
            assertEquals(200, login.statusCode(), login.body());
            String token = login.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            assertEquals(0, first.stop(), first.output::toString);
            assertTrue(Files.isRegularFile(home.resolve("etc/logback.xml")), "the logging configuration is copied");
            String plain = Files.readString(home.resolve("log/dialplane.log"));
            assertTrue(plain.matches("(?s).*\\n\\d{4}-\\d\\d-\\d\\d [\\d:.]+ \\[INFO] \\S+DatabaseService - Database ready in .*"),
                    plain);

            // The JVM's temporary folder of its own, to see what a run leaves there (FileInstall left two folders).
            Path temporary = Files.createDirectories(home.resolve("jvm-tmp"));
            Run second = start(home, port, Map.of("DIALPLANE_LOG_FORMAT", "json",
                    "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temporary));
            second.awaitReady();
            assertFalse(second.output.stream().anyMatch(line -> PRINTED_PASSWORD.matcher(line).find()),
                    "the password is printed only at the first start: " + second.output);
            HttpResponse<String> before = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/pbxapi/system/bundles")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, before.statusCode(), "a token from before the restart: " + before.body());
            assertEquals(200, login(client, port, password).statusCode());
            HttpResponse<String> failed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/pbxapi/authenticate")).header("Content-Type", "application/json")
                    .header("X-Request-Id", "restart-it-json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"nobody\",\"password\":\"wrong-5512\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, failed.statusCode(), failed.body());
            assertEquals(0, second.stop(), second.output::toString);
            try (Stream<Path> left = Files.list(temporary)) {
                assertEquals(List.of(), left.toList(), "nothing is left in the JVM's temporary folder");
            }
            // log.format=json: the second start's lines are JSON objects, the failed login's with its request id
            String json = Files.readString(home.resolve("log/dialplane.log"));
            assertTrue(json.lines().anyMatch(line -> line.startsWith("{") && line.contains("\"level\":\"INFO\"")
                    && line.contains("\"requestId\":\"restart-it-json\"")
                    && line.contains("\"formattedMessage\":\"Failed login for user 'nobody' from 127.0.0.1\"")), json);
            assertFalse(json.contains("wrong-5512"), "no password in the log");
        } finally {
            deleteRecursively(home);
        }
    }

    /** One run of the product on the home, without an admin password or a database URL. */
    private static Run start(Path home, int port) throws IOException {
        return start(home, port, Map.of());
    }

    private static Run start(Path home, int port, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(DISTRIBUTION.resolve("bin/dialplane").toString(), "--home",
                home.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1").redirectErrorStream(true);
        builder.environment().remove("DIALPLANE_ADMIN_PASSWORD");
        builder.environment().remove("DIALPLANE_DB_URL");
        builder.environment().remove("DIALPLANE_LOG_FORMAT");
        builder.environment().putAll(environment);
        return new Run(builder.start());
    }

    private static final class Run {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final List<ProcessHandle> children = new ArrayList<>();

        Run(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.add(line);
                        if (line.startsWith("Dialplane ready on ")) {
                            ready.complete(null);
                        }
                    }
                } catch (IOException ended) {
                    // the process ended
                }
                ready.complete(null);
            }, "dialplane-output");
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady() throws Exception {
            ready.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            children.addAll(process.descendants().toList());
            assertTrue(process.isAlive(), () -> "the product exited: " + output);
        }

        Matcher awaitLine(Pattern pattern) throws Exception {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : output) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no line matching " + pattern + " in " + output);
        }

        /** SIGTERM; the exit status. */
        int stop() throws InterruptedException {
            children.addAll(process.descendants().toList());
            process.destroy();
            try {
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not stop within 60 s of SIGTERM");
                return process.exitValue();
            } finally {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static HttpResponse<String> login(HttpClient client, int port, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pbxapi/authenticate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"admin\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
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
