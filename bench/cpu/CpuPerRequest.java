import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.dialplane.bench.load.Fixture;
import org.dialplane.bench.load.HttpConnection;
import org.dialplane.bench.load.Probe;
import org.dialplane.bench.load.ProcessCpu;
import org.dialplane.bench.load.Scenario;
import org.dialplane.bench.load.Scenarios;
import org.dialplane.bench.load.Target;

/**
 * CPU time of one server process per request: its utime+stime from /proc/PID/stat before and after a fixed
 * number of requests (after a warm-up), so that a shared, loaded machine changes the wall time but much less the
 * CPU the process spends on each request. With {@code --jfr DIR}, one more run of each case is recorded (JFR,
 * settings=profile) into DIR/SCENARIO-CONNECTIONS.jfr, after the login and the warm-up, so that neither is in it.
 * Run with the bench jar on the class path (see cpu-per-request.sh).
 */
public final class CpuPerRequest {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"url", "", "pid", "", "scenarios", "health,hello,extension-one", "connections", "1,16",
                "warmup-requests", "30000", "requests", "20000", "repeat", "3", "extensions", "1000", "seed", "true",
                "jfr", "", "jfr-settings", "profile", "jfr-requests", "0", "user", "admin", "password",
                System.getenv().getOrDefault("DIALPLANE_ADMIN_PASSWORD", "")};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(name, args[i + 1]);
        }
        long pid = Long.parseLong(options.get("pid"));
        ProcessCpu cpu = ProcessCpu.of(pid);
        if (cpu == null) {
            throw new IllegalArgumentException("no process " + pid + " in /proc");
        }
        Target anonymous = Target.parse("server", options.get("url"));
        Target target = anonymous.withToken(Probe.login(anonymous, options.get("user"), options.get("password")));
        Fixture.Context context = new Fixture.Context(Integer.parseInt(options.get("extensions")),
                Boolean.parseBoolean(options.get("seed")));
        int warmup = Integer.parseInt(options.get("warmup-requests"));
        int requests = Integer.parseInt(options.get("requests"));
        int repeat = Integer.parseInt(options.get("repeat"));
        List<Scenario> scenarios = Scenarios.select(List.of(options.get("scenarios").split(",")));
        List<Integer> counts = Arrays.stream(options.get("connections").split(",")).map(Integer::parseInt).toList();
        // Every case warms up before any is measured: the JIT's work on the paths they share is then done.
        for (Scenario scenario : scenarios) {
            for (Fixture fixture : scenario.fixtures()) {
                System.err.println(fixture.prepare(target, context));
            }
            Probe.check(target, scenario, context);
            for (int connections : counts) {
                run(target, scenario, context, connections, warmup);
            }
        }
        System.out.println(
                "| scenario | conns | CPU us/request, each run | median | wall req/s (median run) | load average |");
        System.out.println("|---|---:|---|---:|---:|---|");
        for (Scenario scenario : scenarios) {
            for (int connections : counts) {
                run(target, scenario, context, connections, warmup / 4);
                double[] micros = new double[repeat];
                double[] rates = new double[repeat];
                for (int r = 0; r < repeat; r++) {
                    long before = cpu.micros();
                    long start = System.nanoTime();
                    run(target, scenario, context, connections, requests);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long after = cpu.micros();
                    micros[r] = (double) (after - before) / requests;
                    rates[r] = requests / seconds;
                }
                double[] sorted = micros.clone();
                Arrays.sort(sorted);
                double median = sorted[repeat / 2];
                int medianRun = 0;
                for (int r = 0; r < repeat; r++) {
                    if (micros[r] == median) {
                        medianRun = r;
                    }
                }
                StringBuilder each = new StringBuilder();
                for (double m : micros) {
                    each.append(each.length() == 0 ? "" : ", ").append(String.format("%.0f", m));
                }
                System.out.printf("| %s | %d | %s | %.0f | %.0f | %s |%n", scenario.name(), connections, each, median,
                        rates[medianRun], Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip());
                if (!options.get("jfr").isBlank()) {
                    int recorded = Integer.parseInt(options.get("jfr-requests"));
                    record(pid, Path.of(options.get("jfr"), scenario.name() + "-" + connections + ".jfr"),
                            options.get("jfr-settings"),
                            () -> run(target, scenario, context, connections, recorded > 0 ? recorded : requests));
                }
            }
        }
    }

    interface Load {
        void run() throws InterruptedException;
    }

    /**
     * A flight recording of the process while {@code load} runs (after login and warm-up). On a loaded machine the
     * recorder's sampling thread waits for a core as the others do: a .jfc with a shorter
     * {@code jdk.ExecutionSample} period ({@code --jfr-settings FILE}) and more requests ({@code --jfr-requests})
     * give enough samples to compare shares.
     */
    private static void record(long pid, Path file, String settings, Load load)
            throws IOException, InterruptedException {
        // A .jfc given as a file is read by the server's JVM, whose working directory may not be this one.
        String resolved = Files.isRegularFile(Path.of(settings)) ? Path.of(settings).toAbsolutePath().toString()
                : settings;
        jcmd(pid, "JFR.start", "name=cpu-per-request", "settings=" + resolved, "filename=" + file.toAbsolutePath());
        try {
            load.run();
        } finally {
            jcmd(pid, "JFR.stop", "name=cpu-per-request");
        }
        System.err.println("recorded " + file);
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + line);
        }
    }


    /** Exactly {@code total} requests over {@code connections} keep-alive connections; fails on a wrong status. */
    private static void run(Target target, Scenario scenario, Fixture.Context context, int connections, int total)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                try (HttpConnection connection = target.connect()) {
                    for (long n = sequence.getAndIncrement(); n < total; n = sequence.getAndIncrement()) {
                        byte[] request = target.encode(scenario.plan().request(n, context), scenario.authenticated());
                        if (connection.exchange(request, false).status() != scenario.expectedStatus()) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(scenario.name() + ": " + failures.get() + " requests failed");
        }
    }
}
