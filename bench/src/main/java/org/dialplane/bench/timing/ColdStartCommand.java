package org.dialplane.bench.timing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.dialplane.bench.Options;
import org.dialplane.bench.load.Target;

/**
 * Cold start: from starting the product's start script, with a fresh home and a free port, to the first 200
 * of GET /pbxapi/system/health; repeated, median reported. Each product is stopped (SIGTERM, as systemd
 * would) before the next starts, and any process it left behind (an embedded database) is ended too.
 */
public final class ColdStartCommand {
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private ColdStartCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.of(
                "command", "launcher/target/dialplane/bin/dialplane",
                "runs", "5",
                "work", "",
                "timeout", "60"));
        if (options.get("work").isBlank()) {
            throw new IllegalArgumentException("--work DIR is needed (fresh homes are created under it)");
        }
        int runs = options.integer("runs");
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path home = Path.of(options.get("work"), "coldstart-" + run);
            deleteTree(home);
            Files.createDirectories(home);
            seconds[run] = startOnce(options.get("command"), home, options.integer("timeout") * 1000L);
            System.err.printf("cold start %d: %.2f s%n", run + 1, seconds[run]);
            deleteTree(home);
        }
        System.out.printf("cold start (start script to first 200 of /pbxapi/system/health, fresh home): "
                + "median %.2f s of %d [%s]%n", StatusPoller.median(seconds), runs, StatusPoller.list(seconds));
    }

    private static double startOnce(String command, Path home, long timeoutMillis) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command, "--port", Integer.toString(port), "--host",
                "127.0.0.1", "--home", home.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling(home.getFileName() + ".log").toFile());
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
            long ready = StatusPoller.await(new Target("Dialplane", "127.0.0.1", port, null),
                    "/pbxapi/system/health", 200, timeoutMillis, process.toHandle());
            return (ready - start) / 1e9;
        } finally {
            stop(process);
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
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
