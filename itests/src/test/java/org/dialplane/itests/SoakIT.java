package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The soak run: a mixed load over many resources ({@link LoadDriver}'s ring group writes and {@link SoakMix}'s
 * lifecycles, lists, calls, events, exports, media, logins and refusals) for {@code -Dsoak.minutes} (1 by default,
 * inside {@code mvn verify}; the README's long run is 30), sampling the container's JVM every few seconds (the
 * native container: the test runs in the JVM the bundles run in): heap used after a forced GC, live threads, open
 * file descriptors, the database pools' active connections. The run passes when they stay flat (the last
 * quarter's median against the second quarter's, the first quarter being warm-up), no answer is a 5xx or other
 * than expected, and every object acknowledged 2xx is found. The samples go to
 * {@code target/work/soak-samples.csv}; the figures line to the test's output.
 */
public class SoakIT extends DialplaneTestSupport {
    static final String MINUTES = "soak.minutes";
    /** Ring groups of the load older than this are checked (still there) and deleted, so the tables stay small. */
    private static final Duration SWEEP_AFTER = Duration.ofSeconds(30);
    private static final int SWEEP_BATCH = 200;
    private static final int RING_GROUP_WRITERS = 2;
    private static final int MIX_WORKERS = 3;
    /** Margins of the trend test: the last quarter's median may exceed the second quarter's by this much. */
    private static final double HEAP_RATIO = 1.25;
    private static final long HEAP_SLACK_BYTES = 24L << 20;
    /**
     * Bounded pools grow and shrink as they please: AMI actions' up to 64 threads, each kept 60 s idle (within the
     * short run it only grows), the HTTP client's workers, Jetty's. A leak per request or per stream is thousands.
     */
    private static final double COUNT_RATIO = 1.1;
    private static final int THREAD_SLACK = 40;
    private static final int FD_SLACK = 30;
    private static final Pattern ACTIVE = Pattern.compile("(?m)^hikaricp_connections_active\\{pool=\"(\\w+)\"} (\\S+)$");

    private static FakeAmiServer ami;

    private final Path sounds = Path.of(System.getProperty("dialplane.test.work"), "SoakIT", "sounds")
            .toAbsolutePath();

    /** One sample of the container's JVM. */
    record Sample(double minute, long heapAfterGc, int threads, long fds, int pbxActive, int cdrActive,
            long requests, Map<String, Integer> threadNames) {
        String csv() {
            return String.format(java.util.Locale.ROOT, "%.2f,%d,%d,%d,%d,%d,%d", minute, heapAfterGc, threads,
                    fds, pbxActive, cdrActive, requests);
        }
    }

    /**
     * The events keep-alive, which is also when the stream notices a client that left (its thread and its place
     * among the 256 are held until then): the product's 15 s for a long run, shorter for the short one, so that
     * the threads of streams left but not yet noticed reach their level within the warm-up quarter.
     */
    static long keepAliveSeconds(Duration length) {
        return Math.max(3, Math.min(15, length.toSeconds() / 20));
    }

    static Duration length() {
        return Duration.ofSeconds(Math.round(60 * Double.parseDouble(System.getProperty(MINUTES, "1"))));
    }

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("sounds", sounds.toString()));
        deploy("org.dialplane.events.EventStream.cfg", "keepalive.seconds = " + keepAliveSeconds(length()) + "\n");
        return composite(database("SoakIT"), Logins.adminPassword(), AmiIT.fakeAmi(), AmiIT.amiPointingAt(freePort()),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Test
    public void whenMixedLoadRuns_thenHeapThreadsFdsAndPoolsFlatNo5xxNothingLost() throws Exception {
        Duration length = length();
        Duration every = Duration.ofSeconds(Math.max(3, length.toSeconds() / 60));
        String key = startAmiAndGetAKey();
        Http admin = http.bearer(key);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

        List<Sample> samples = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        int swept = 0;
        long started = System.nanoTime();
        LoadDriver ringGroups = LoadDriver.lean(admin, RING_GROUP_WRITERS, "soak");
        SoakMix mix = new SoakMix(port(), key, MIX_WORKERS, AudioFiles.tone(AudioFiles.MULAW_8K, 0.5));
        try {
            for (long next = started + every.toNanos(); System.nanoTime() - started < length.toNanos();
                    next += every.toNanos()) {
                swept += sweep(admin, ringGroups.takeAcknowledged(SWEEP_AFTER), lost);
                ami.reset(); // the fake's record of actions would otherwise grow the heap being measured
                samples.add(sample(admin, (System.nanoTime() - started) / 60e9, requests(ringGroups, mix)));
                System.out.println("SoakIT sample: " + samples.get(samples.size() - 1).csv()); // a long run's progress
                long wait = Math.min(next, started + length.toNanos()) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000); // the sampling period: a pace, not a wait for a condition
                }
            }
        } finally {
            ringGroups.close();
            mix.close();
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        swept += sweep(admin, ringGroups.takeAcknowledged(Duration.ZERO), lost);
        await("the pools' connections are all returned after the load", Duration.ofSeconds(30),
                () -> active(admin, "pbx") == 0 && active(admin, "cdr") == 0);
        // Every AstDB change the product stored reached Asterisk (the fake keeps an AstDB as Asterisk does).
        long astDbDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!astDbDifference().isEmpty() && System.nanoTime() < astDbDeadline) {
            Thread.sleep(200); // the last pushes may still be on their way: a condition with a deadline
        }
        Map<String, String> astDbDifference = astDbDifference();
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

        Map<String, Long> counts = new java.util.TreeMap<>(mix.counts());
        ringGroups.counts().forEach((operation, count) -> counts.merge("load " + operation, count, Long::sum));
        long requests = counts.values().stream().mapToLong(Long::longValue).sum();
        long serverErrors = counts.entrySet().stream().filter(e -> status(e.getKey()) >= 500)
                .mapToLong(Map.Entry::getValue).sum();
        long loadFailures = ringGroups.counts().entrySet().stream().filter(e -> status(e.getKey()) / 100 != 2)
                .mapToLong(Map.Entry::getValue).sum();
        Trend heap = Trend.of(samples, s -> s.heapAfterGc() / 1048576.0);
        Trend threads = Trend.of(samples, Sample::threads);
        Trend fds = Trend.of(samples, Sample::fds);
        int maxActive = samples.stream().mapToInt(s -> s.pbxActive() + s.cdrActive()).max().orElse(0);
        String figures = String.format(java.util.Locale.ROOT, "%.1f min, %d requests (%.1f/s), %d 5xx, %d other"
                + " than expected, %d load failures; %d ring groups acknowledged, %d lost (and %d objects of the mix);"
                + " AstDB keys that Asterisk lacks or holds otherwise %d; heap after GC MiB %s; threads %s; fds %s; pool connections"
                + " active at most %d, 0 after the load; %d samples; load average before %s, after %s", minutes,
                requests, requests / (minutes * 60), serverErrors, mix.unexpectedCount(), loadFailures, swept,
                lost.size(), mix.lost(), astDbDifference.size(), heap, threads, fds, maxActive, samples.size(),
                loadBefore, loadAfter);
        writeSamples(samples, figures, counts);
        System.out.println("SoakIT figures: " + figures);
        System.out.println("SoakIT counts: " + counts);
        System.out.println("SoakIT threads that changed over the run: " + threadGrowth(samples));

        assertTrue("at least 8 samples (two per quarter): " + figures, samples.size() >= 8);
        assertEquals("AstDB keys Asterisk did not get as the product stored them (the first 20)\n" + figures,
                Map.of(), astDbDifference.entrySet().stream().limit(20).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals("5xx answers: " + counts + "\n" + figures, 0, serverErrors);
        assertEquals("answers other than expected: " + mix.unexpected() + "\n" + figures, 0, mix.unexpectedCount());
        assertEquals("the ring group load's failures: " + ringGroups.samples() + "\n" + figures, 0, loadFailures);
        assertEquals("acknowledged ring groups missing: " + lost + "\n" + figures, List.of(), lost);
        assertEquals("acknowledged objects of the mix missing\n" + figures, 0, mix.lost());
        assertTrue("the ring group load ran: " + figures, swept > 0);
        assertTrue("heap after GC grew: " + figures, heap.last() <= heap.second() * HEAP_RATIO
                + HEAP_SLACK_BYTES / 1048576.0);
        assertTrue("threads grew: " + threadGrowth(samples) + "\n" + figures,
                threads.last() <= threads.second() * COUNT_RATIO + THREAD_SLACK);
        assertTrue("open file descriptors grew: " + figures, fds.last() <= fds.second() * COUNT_RATIO + FD_SLACK);
    }

    /** A configuration file in this class's deploy/, which the container applies; written whole. */
    private static void deploy(String name, String text) {
        Path deploy = Path.of(System.getProperty("dialplane.test.work"), "SoakIT", "deploy").toAbsolutePath();
        try {
            Files.createDirectories(deploy);
            Path temporary = Files.writeString(deploy.resolveSibling(name + ".tmp"), text);
            Files.move(temporary, deploy.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts the fake AMI (once per container), the extension calls come from, and a global key for the load. */
    private String startAmiAndGetAKey() throws IOException {
        ami = AmiPeers.of(this);
        Http admin = asAdmin();
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        awaitAsteriskPath("sounds", sounds);
        Http.Response caller = admin.json("PUT", "/pbxapi/extensions/" + SoakMix.CALLER + "?reload=0",
                "{\"name\":\"Soak caller\"}");
        assertTrue(caller.toString(), caller.status() < 300);
        // A key, not a token: an access token would expire during a long run.
        return Logins.apiKey(http, Logins.adminToken(http), "{\"name\":\"soak\"}");
    }

    /** Checks each acknowledged ring group is there, then deletes it, {@value #SWEEP_BATCH} at a time; how many. */
    private static int sweep(Http admin, List<String> paths, List<String> lost) {
        for (int from = 0; from < paths.size(); from += SWEEP_BATCH) {
            List<String> batch = paths.subList(from, Math.min(paths.size(), from + SWEEP_BATCH));
            String ids = String.join(",", batch.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList());
            String many = LoadDriver.RING_GROUPS + "/" + ids;
            if (admin.get(many + "?fields=extension").status() != 200) { // one or more missing: which?
                for (String path : batch) {
                    Http.Response found = admin.get(path + "?fields=extension");
                    if (found.status() != 200) {
                        lost.add(path + " " + found);
                    }
                }
            }
            Http.Response deleted = admin.send("DELETE", many + "?reload=0", null, Map.of());
            if (deleted.status() != 200 && deleted.status() != 204) {
                batch.forEach(path -> admin.send("DELETE", path + "?reload=0", null, Map.of()));
            }
        }
        return paths.size();
    }

    /** The keys whose value differs between the product's AstDB mirror and the fake Asterisk's AstDB. */
    private Map<String, String> astDbDifference() {
        Map<String, String> mirror = new java.util.HashMap<>();
        try {
            PbxSql.rows(context, "SELECT family, keyname, value FROM dp_astdb").forEach(row -> mirror.put(
                    row.get("family") + "/" + row.get("keyname"), row.get("value")));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        Map<String, String> asterisk = Map.copyOf(ami.pbx().astDb());
        Map<String, String> difference = new java.util.TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(mirror.keySet());
        keys.addAll(asterisk.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(mirror.get(key), asterisk.get(key))) {
                difference.put(key, "mirror " + mirror.get(key) + ", Asterisk " + asterisk.get(key));
            }
        }
        return difference;
    }

    /** One sample: the forced GC first, so the heap figure is what survives it. */
    private static Sample sample(Http admin, double minute, long requests) throws IOException {
        System.gc();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            heap += afterGc == null ? 0 : afterGc.getUsed();
        }
        long fds;
        try (var open = Files.list(Path.of("/proc/self/fd"))) {
            fds = open.count();
        }
        return new Sample(minute, heap, ManagementFactory.getThreadMXBean().getThreadCount(), fds,
                active(admin, "pbx"), active(admin, "cdr"), requests, threadNames());
    }

    /** Live threads by name, numbers masked ("HttpClient-1-Worker-7" -> "HttpClient-#-Worker-#"). */
    private static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new java.util.TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            names.merge(thread.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        return names;
    }

    /** The thread names whose count changed from the start of the second quarter to the end: where growth is. */
    private static Map<String, String> threadGrowth(List<Sample> samples) {
        Map<String, String> growth = new java.util.TreeMap<>();
        if (samples.size() < 4) {
            return growth;
        }
        Map<String, Integer> from = samples.get(samples.size() / 4).threadNames();
        Map<String, Integer> to = samples.get(samples.size() - 1).threadNames();
        java.util.Set<String> names = new java.util.TreeSet<>(from.keySet());
        names.addAll(to.keySet());
        for (String name : names) {
            int before = from.getOrDefault(name, 0);
            int after = to.getOrDefault(name, 0);
            if (before != after) {
                growth.put(name, before + "->" + after);
            }
        }
        return growth;
    }

    /** A pool's active connections, as /pbxapi/system/metrics shows them; -1 when it cannot be read. */
    private static int active(Http admin, String pool) {
        Http.Response metrics = admin.get("/pbxapi/system/metrics");
        Matcher m = ACTIVE.matcher(metrics.status() == 200 ? metrics.body() : "");
        while (m.find()) {
            if (m.group(1).equals(pool)) {
                return (int) Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    private static long requests(LoadDriver ringGroups, SoakMix mix) {
        return ringGroups.counts().values().stream().mapToLong(Long::longValue).sum()
                + mix.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The status in a count's key ("ringgroup create 201" -> 201). */
    private static int status(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1));
    }

    private static void writeSamples(List<Sample> samples, String figures, Map<String, Long> counts)
            throws IOException {
        StringBuilder text = new StringBuilder("# ").append(figures).append("\n# ").append(counts)
                .append("\nminute,heap_after_gc_bytes,threads,open_fds,pbx_active,cdr_active,requests\n");
        samples.forEach(s -> text.append(s.csv()).append('\n'));
        Path file = Path.of(System.getProperty("dialplane.test.work"), "soak-samples.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The medians of the second and the last quarter of the samples, and the range over the whole run. */
    record Trend(double second, double last, double min, double max) {
        static Trend of(List<Sample> samples, ToDoubleFunction<Sample> value) {
            int quarter = Math.max(1, samples.size() / 4);
            double[] all = samples.stream().mapToDouble(value).toArray();
            return new Trend(median(all, quarter, 2 * quarter), median(all, all.length - quarter, all.length),
                    java.util.Arrays.stream(all).min().orElse(0), java.util.Arrays.stream(all).max().orElse(0));
        }

        private static double median(double[] values, int from, int to) {
            double[] part = java.util.Arrays.copyOfRange(values, Math.max(0, from), Math.max(from + 1, to));
            java.util.Arrays.sort(part);
            return part.length % 2 == 1 ? part[part.length / 2]
                    : (part[part.length / 2 - 1] + part[part.length / 2]) / 2;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "second quarter %.1f, last quarter %.1f (range %.1f-%.1f)",
                    second, last, min, max);
        }
    }
}
