package org.dialplane.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.bench.Options;

/**
 * Runs the selected scenarios at each connection count, first against Dialplane and then against the
 * baseline, and prints the table. Fixtures are created once, through Dialplane; a scenario that a target
 * cannot serve yet is skipped with the reason instead of failing the run.
 */
public final class LoadCommand {
    private final Options options;
    private final Map<Fixture, String> fixtureFailures = new HashMap<>();
    private final Map<Fixture, Boolean> preparedFixtures = new HashMap<>();
    private final ResultTable table = new ResultTable();

    private LoadCommand(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.ofEntries(
                Map.entry("dialplane", "http://127.0.0.1:8080"),
                Map.entry("baseline", "http://127.0.0.1:8081"),
                Map.entry("scenarios", ""),
                Map.entry("connections", "1,16,64"),
                Map.entry("warmup", "1"),
                Map.entry("duration", "4"),
                Map.entry("max-requests", "5000000"),
                Map.entry("extensions", "10000"),
                Map.entry("seed", "true"),
                Map.entry("user", "admin"),
                Map.entry("password", System.getenv().getOrDefault("DIALPLANE_ADMIN_PASSWORD", "")),
                Map.entry("dialplane-pid", "0"),
                Map.entry("baseline-pid", "0"),
                Map.entry("out", "")));
        new LoadCommand(options).run();
    }

    private void run() throws InterruptedException, IOException {
        List<Scenario> scenarios = Scenarios.select(options.list("scenarios"));
        List<Integer> connections = options.list("connections").stream().map(Integer::parseInt).toList();
        Target dialplane = Target.parse("Dialplane", options.get("dialplane"));
        String token = Probe.login(dialplane, options.get("user"), options.get("password"));
        dialplane = dialplane.withToken(token);
        // The baseline has no login; it gets the same header so that both parse requests of the same size.
        Target baseline = Target.parse("baseline", options.get("baseline")).withToken(token);
        ProcessCpu dialplaneCpu = ProcessCpu.of(Long.parseLong(options.get("dialplane-pid")));
        ProcessCpu baselineCpu = ProcessCpu.of(Long.parseLong(options.get("baseline-pid")));
        Fixture.Context context = new Fixture.Context(options.integer("extensions"),
                Boolean.parseBoolean(options.get("seed")));

        for (Scenario scenario : scenarios) {
            try {
                prepareFixtures(scenario, dialplane, context);
                Probe.check(dialplane, scenario, context);
                Probe.check(baseline, scenario, context);
            } catch (Fixture.SkippedException e) {
                System.err.printf("skip %s: %s%n", scenario.name(), e.getMessage());
                table.skipped(scenario.name(), e.getMessage());
                continue;
            }
            for (int count : connections) {
                Measurement ours = measure(dialplane, dialplaneCpu, scenario, context, count);
                Measurement theirs = measure(baseline, baselineCpu, scenario, context, count);
                table.add(scenario.name(), count, ours, theirs);
            }
        }
        String rendered = table.render();
        System.out.print(rendered);
        if (!options.get("out").isBlank()) {
            Files.writeString(Path.of(options.get("out")), rendered);
        }
    }

    private void prepareFixtures(Scenario scenario, Target dialplane, Fixture.Context context)
            throws Fixture.SkippedException {
        for (Fixture fixture : scenario.fixtures()) {
            if (fixtureFailures.containsKey(fixture)) {
                throw new Fixture.SkippedException(fixture.name() + ": " + fixtureFailures.get(fixture));
            }
            if (preparedFixtures.containsKey(fixture)) {
                continue;
            }
            try {
                String report = fixture.prepare(dialplane, context);
                preparedFixtures.put(fixture, true);
                System.err.println(report);
                table.note(report);
            } catch (Fixture.SkippedException e) {
                fixtureFailures.put(fixture, e.getMessage());
                throw new Fixture.SkippedException(fixture.name() + ": " + e.getMessage());
            }
        }
    }

    private Measurement measure(Target target, ProcessCpu cpu, Scenario scenario, Fixture.Context context,
            int connections) throws InterruptedException {
        Measurement measurement = new LoadRun(target, scenario, context, cpu).run(connections,
                options.decimal("warmup"), options.decimal("duration"), options.integer("max-requests"));
        System.err.printf("%-16s %3d conns %-9s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%s%s%n", scenario.name(),
                connections, target.name(), measurement.requestsPerSecond(), measurement.percentileMillis(50),
                measurement.percentileMillis(99),
                cpu == null ? "" : String.format("  CPU %.0f us/req", measurement.cpuMicrosPerRequest()),
                measurement.errors() > 0 ? "  errors " + measurement.errors() : "");
        return measurement;
    }
}
