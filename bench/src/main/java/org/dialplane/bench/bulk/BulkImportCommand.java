package org.dialplane.bench.bulk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.dialplane.bench.Options;
import org.dialplane.bench.load.Probe;
import org.dialplane.bench.load.ProcessCpu;
import org.dialplane.bench.load.Target;
import org.dialplane.bench.timing.MachineSpeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 16 item 6: {@code POST /pbxapi/extensions/import} of a generated CSV of N new extensions, timed from the POST
 * to the job's {@code done} (polled on {@code /pbxapi/jobs/{id}}); then the same numbers again with new names and
 * secrets, which updates them. Prints one line per run; fails (exit 1) when a job does not end {@code done} with
 * every row created, then updated. With {@code --dialplane-pid}, also the CPU the product's processes used meanwhile
 * ({@link ProcessCpu}): on a shared machine the wall time mostly measures the wait for a core.
 */
public final class BulkImportCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(50);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final long pid;

    private BulkImportCommand(URI base, String token, Duration timeout, long pid) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.of(
                "dialplane", "http://127.0.0.1:8080",
                "rows", "10000",
                "first", "500000",
                "timeout", "300",
                "dialplane-pid", "0",
                "user", "admin",
                "password", System.getenv().getOrDefault("DIALPLANE_ADMIN_PASSWORD", "")));
        int rows = options.integer("rows");
        long first = options.integer("first");
        if (rows <= 0) {
            throw new IllegalArgumentException("--rows must be above 0");
        }
        Target dialplane = Target.parse("Dialplane", options.get("dialplane"));
        String token = Probe.login(dialplane, options.get("user"), options.get("password"));
        if (token == null) {
            throw new IllegalArgumentException("no login on " + options.get("dialplane") + "; nothing imported");
        }
        BulkImportCommand command = new BulkImportCommand(URI.create("http://" + dialplane.host() + ":"
                + dialplane.port()), token, Duration.ofSeconds(options.integer("timeout")),
                options.integer("dialplane-pid"));
        boolean ok = command.run(rows, first, "Bulk", "created", "bulk import of %d extensions")
                && command.run(rows, first, "Again", "updated", "bulk import of %d extensions again (updating them)");
        if (!ok) {
            System.exit(1);
        }
    }

    /** One import of {@code rows} numbers from {@code first}; true when every row was {@code expected}. */
    private boolean run(int rows, long first, String name, String expected, String what)
            throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder(rows * 40).append("extension,name,secret\r\n");
        for (long n = first; n < first + rows; n++) {
            csv.append(n).append(',').append(name).append(' ').append(n).append(",pw").append(n).append(name)
                    .append("\r\n");
        }
        double cpuBefore = ProcessCpu.secondsWithDescendants(pid);
        long start = System.nanoTime();
        HttpResponse<String> accepted = client.send(request("/pbxapi/extensions/import?reload=0")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            System.out.printf(what + ": FAILED, the POST answered %d: %s%n", rows, accepted.statusCode(),
                    excerpt(accepted.body()));
            return false;
        }
        String job = "/pbxapi/jobs/" + JSON.readTree(accepted.body()).get("id").asText();
        JsonNode state = await(job, start);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = ProcessCpu.secondsWithDescendants(pid) - cpuBefore;
        String load = MachineSpeed.loadAverage();
        if (state == null) {
            System.out.printf(what + ": FAILED, the job was still running after %d s (load average %s)%n", rows,
                    timeout.toSeconds(), load);
            return false;
        }
        int count = state.path(expected).asInt();
        if (!"done".equals(state.path("state").asText()) || count != rows) {
            System.out.printf(what + ": FAILED after %.2f s: %s%n", rows, seconds, excerpt(state.toString()));
            return false;
        }
        System.out.printf(what + ": %.2f s (POST to job done), %d %s, %.3f ms a row, load average %s%s%n", rows,
                seconds, count, expected, seconds * 1000 / rows, load, Double.isNaN(cpu) ? ""
                        : String.format(", CPU used meanwhile by the product's JVM and its children (embedded"
                                + " MariaDB) %.2f s", cpu));
        return true;
    }

    /** The job once it is no longer running, or null at the timeout. */
    private JsonNode await(String job, long start) throws IOException, InterruptedException {
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            HttpResponse<String> response = client.send(request(job).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + job + " answered " + response.statusCode() + ": "
                        + excerpt(response.body()));
            }
            JsonNode state = JSON.readTree(response.body());
            if (!"running".equals(state.path("state").asText())) {
                return state;
            }
            Thread.sleep(POLL.toMillis()); // the poll interval, not a wait for a condition: the loop checks it
        }
        return null;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    private static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
