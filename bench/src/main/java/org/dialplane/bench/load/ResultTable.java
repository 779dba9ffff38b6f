package org.dialplane.bench.load;

import java.util.ArrayList;
import java.util.List;

/** The rows of a run, printed as a Markdown table so that it can go into a README as it is. */
public final class ResultTable {
    private record Row(String scenario, int connections, Measurement dialplane, Measurement baseline) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void add(String scenario, int connections, Measurement dialplane, Measurement baseline) {
        rows.add(new Row(scenario, connections, dialplane, baseline));
        note(scenario, connections, "Dialplane", dialplane);
        note(scenario, connections, "baseline", baseline);
    }

    public void skipped(String scenario, String reason) {
        notes.add("skipped " + scenario + ": " + reason);
    }

    public void note(String line) {
        notes.add(line);
    }

    private void note(String scenario, int connections, String target, Measurement measurement) {
        if (measurement.errors() > 0) {
            notes.add(String.format("%s at %d connections: %d of %d %s requests failed, first: %s", scenario,
                    connections, measurement.errors(), measurement.requests(), target, measurement.firstError()));
        }
    }

    /** The table; with the servers' CPU per request (and their ratio) when it was measured. */
    public String render() {
        boolean cpu = rows.stream().anyMatch(r -> !Double.isNaN(r.dialplane.cpuMicrosPerRequest()));
        StringBuilder out = new StringBuilder();
        out.append("| scenario | conns | Dialplane req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms "
                + "| Dialplane/baseline |" + (cpu ? " Dialplane CPU us/req | baseline CPU us/req | CPU Dialplane/baseline |" : "")
                + "\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (cpu ? "---:|---:|---:|" : "") + "\n");
        for (Row row : rows) {
            double ratio = row.baseline.requestsPerSecond() > 0
                    ? row.dialplane.requestsPerSecond() / row.baseline.requestsPerSecond() : Double.NaN;
            out.append(String.format("| %s | %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2fx |%n",
                    row.scenario, row.connections,
                    row.dialplane.requestsPerSecond(), row.dialplane.percentileMillis(50),
                    row.dialplane.percentileMillis(99),
                    row.baseline.requestsPerSecond(), row.baseline.percentileMillis(50),
                    row.baseline.percentileMillis(99), ratio));
            if (cpu) {
                double ours = row.dialplane.cpuMicrosPerRequest();
                double theirs = row.baseline.cpuMicrosPerRequest();
                out.setLength(out.length() - System.lineSeparator().length());
                out.append(String.format(" %.1f | %.1f | %.2fx |%n", ours, theirs, ours / theirs));
            }
        }
        for (String note : notes) {
            out.append("\n- ").append(note);
        }
        return out.append('\n').toString();
    }
}
