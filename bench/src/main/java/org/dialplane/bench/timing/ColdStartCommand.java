package org.dialplane.bench.timing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.dialplane.bench.Options;
import org.dialplane.bench.load.Request;
import org.dialplane.bench.load.Target;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cold start, as DESIGN asks it measured: from starting the product's start script to the first 200 of an
 * authenticated, database-backed request ({@value #PROBE}), median of N, on two kinds of home:
 * <ul>
 * <li><b>fresh</b>: a new home each run, so the embedded MariaDB installs itself; the client logs in as admin
 * (polling the login until it answers 200), then sends the request with that token;</li>
 * <li><b>used</b>: one home, prepared once (a start, an API key created through {@code POST /pbxapi/apikeys}, a
 * stop); each run, started without DIALPLANE_ADMIN_PASSWORD as the default systemd unit starts it, sends the
 * request with that key until it answers 200. The first of these runs also writes the AppCDS archive.</li>
 * </ul>
 * Each product is stopped (SIGTERM, as systemd would) before the next starts, and any process it left behind (an
 * embedded database) is ended too. The machine's speed is printed before and after the runs ({@link MachineSpeed}).
 */
public final class ColdStartCommand {
    private static final String PROBE = "GET /pbxapi/extensions?limit=1";
    private static final String PROBE_PATH = "/pbxapi/extensions?limit=1";
    private static final long STOP_TIMEOUT_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.of(
                "command", "launcher/target/dialplane/bin/dialplane",
                "runs", "5",
                "work", "",
                "homes", "fresh,used",
                "rebuild-cache", "false",
                "timeout", "90"));
        if (options.get("work").isBlank()) {
            throw new IllegalArgumentException("--work DIR is needed (the homes are created under it)");
        }
        String password = System.getenv().getOrDefault("DIALPLANE_ADMIN_PASSWORD",
                "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)));
        Run run = new Run(options.get("command"), password, options.integer("timeout") * 1000L);
        int runs = options.integer("runs");
        List<String> homes = options.list("homes");
        System.out.println("before the runs, " + MachineSpeed.describe());
        if (homes.contains("fresh")) {
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                Path home = Path.of(options.get("work"), "fresh-" + i);
                deleteTree(home);
                Files.createDirectories(home);
                seconds[i] = run.timed(home, null);
                System.err.printf("cold start, fresh home %d: %.2f s%n", i + 1, seconds[i]);
                deleteTree(home);
            }
            report("fresh home (embedded MariaDB installed; admin login, then the request with its token)", seconds);
        }
        if (homes.contains("used")) {
            Path home = Path.of(options.get("work"), "used");
            deleteTree(home);
            Files.createDirectories(home);
            String key = run.prepare(home);
            double[] seconds = new double[runs];
            boolean rebuild = Boolean.parseBoolean(options.get("rebuild-cache"));
            for (int i = 0; i < runs; i++) {
                if (rebuild) { // as before the cache was kept: Felix installs every bundle again
                    Files.deleteIfExists(home.resolve("data/cache.fingerprint"));
                }
                seconds[i] = run.timed(home, key);
                System.err.printf("cold start, used home %d: %.2f s%n", i + 1, seconds[i]);
            }
            deleteTree(home);
            report("used home (the request with an API key created before)", seconds);
        }
        System.out.println("after the runs, " + MachineSpeed.describe());
    }

    private static void report(String what, double[] seconds) {
        System.out.printf("cold start, %s: start script to the first 200 of %s: median %.2f s of %d [%s]%n", what,
                PROBE, StatusPoller.median(seconds), seconds.length, StatusPoller.list(seconds));
    }

    /** Starting and stopping the product on a home. */
    private record Run(String command, String password, long timeoutMillis) {

        /** Seconds from the start to the probe's first 200: with {@code key}, or after an admin login. */
        double timed(Path home, String key) throws Exception {
            // With a key, started as the default systemd unit starts it: no admin password to apply.
            return withProduct(home, key == null, (target, process, start) -> {
                Target authorised = target.withToken(key != null ? key : login(target, process));
                long ready = StatusPoller.awaitResponse(authorised, Request.get(PROBE_PATH), 200, timeoutMillis,
                        process.toHandle()).nanoTime();
                return (ready - start) / 1e9;
            });
        }

        /** Starts once to create an API key on the home (read-only, global), and stops. */
        String prepare(Path home) throws Exception {
            return withProduct(home, true, (target, process, start) -> {
                Target admin = target.withToken(login(target, process));
                String body = "{\"name\":\"coldstart\",\"read_only\":true}";
                var created = StatusPoller.awaitResponse(admin, Request.postJson("/pbxapi/apikeys", body), 201,
                        timeoutMillis, process.toHandle());
                return JSON.readTree(created.response().body()).get("results").get(0).get("key").asText();
            });
        }

        private String login(Target target, Process process) throws IOException {
            String body = JSON.createObjectNode().put("user", "admin").put("password", password).toString();
            var answer = StatusPoller.awaitResponse(target, Request.postJson("/pbxapi/authenticate", body), 200,
                    timeoutMillis, process.toHandle());
            return JSON.readTree(answer.response().body()).get("access_token").asText();
        }

        private <T> T withProduct(Path home, boolean adminPassword, Session<T> session) throws Exception {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(command, "--port", Integer.toString(port), "--host",
                    "127.0.0.1", "--home", home.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolveSibling(home.getFileName() + ".log").toFile()));
            if (adminPassword) {
                builder.environment().put("DIALPLANE_ADMIN_PASSWORD", password);
            } else {
                builder.environment().remove("DIALPLANE_ADMIN_PASSWORD");
            }
            long start = System.nanoTime();
            Process process = builder.start();
            // Interrupted (Ctrl-C, run.sh's trap): the product being timed must not outlive the benchmark.
            Thread stopper = new Thread(() -> {
                try {
                    stop(process);
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            });
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                return session.run(new Target("Dialplane", "127.0.0.1", port, null), process, start);
            } finally {
                stop(process);
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
    }

    /** What is done with a started product. */
    private interface Session<T> {
        T run(Target target, Process process, long startNanos) throws Exception;
    }

    /** SIGTERM, then SIGKILL after a grace period; children that outlive the product are ended as well. */
    public static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
                child.onExit().orTimeout(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS).exceptionally(e -> {
                    child.destroyForcibly();
                    return child;
                }).join();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
