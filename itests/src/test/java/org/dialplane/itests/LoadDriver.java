package org.dialplane.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A write-heavy mixed load for the fault tests: a few client threads, each repeating three ring group writes
 * (a create, then a rename of what it created, then another create) and a list read, every answer recorded with
 * when it was sent and answered. What a create answered 2xx (its Location) must be there after the fault.
 * <p>
 * A long run ({@link SoakIT}) cannot keep every sample: the list would grow the heap it measures. Built
 * {@linkplain #lean lean}, the driver keeps counts by kind and status, the answers that were not 2xx (the first
 * {@value #KEPT_FAILURES}), and the creates acknowledged until {@link #takeAcknowledged} hands them over.
 */
final class LoadDriver implements AutoCloseable {
    static final String RING_GROUPS = "/pbxapi/ringgroups";

    /** One request and its answer; times from {@link System#nanoTime()}. */
    record Sample(String kind, long sent, long answered, int status, String retryAfter, String location,
            String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Answered after {@code from} and sent before {@code to}: it ran while something was true. */
        boolean overlaps(long from, long to) {
            return answered >= from && sent <= to;
        }

        @Override
        public String toString() {
            return kind + " " + status + (retryAfter == null ? "" : " Retry-After " + retryAfter) + " "
                    + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private final Http client;
    private final String tag;
    private final ExecutorService threads;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final boolean lean;
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> counts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> acknowledged = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    static final int KEPT_FAILURES = 100;

    /** Starts {@code clients} threads of load as the client (an admin); {@code tag} names what it creates. */
    LoadDriver(Http client, int clients, String tag) {
        this(client, clients, tag, false);
    }

    /** A driver for long runs: counts instead of samples (see the class comment). */
    static LoadDriver lean(Http client, int clients, String tag) {
        return new LoadDriver(client, clients, tag, true);
    }

    private LoadDriver(Http client, int clients, String tag, boolean lean) {
        this.client = client;
        this.tag = tag;
        this.lean = lean;
        this.threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int worker = i;
            threads.execute(() -> work(worker));
        }
    }

    private void work(int worker) {
        String created = null;
        for (long n = 0; running; n++) {
            switch ((int) (n % 4)) {
                case 0, 2 -> {
                    Sample sample = send("create", "POST", RING_GROUPS + "?reload=0",
                            "{\"name\":\"" + tag + "-" + worker + "-" + n + "\",\"extension_list\":[\"200\"]}");
                    if (sample.ok() && sample.location() != null) {
                        created = sample.location().replaceAll("^.*/pbxapi/", "/pbxapi/");
                    }
                }
                case 1 -> {
                    if (created != null) {
                        send("update", "PUT", created + "?reload=0", "{\"name\":\"" + tag + "-renamed-" + n + "\"}");
                    }
                }
                default -> send("read", "GET", RING_GROUPS + "?limit=5&fields=extension,name", null);
            }
        }
    }

    private Sample send(String kind, String method, String path, String body) {
        long sent = System.nanoTime();
        Http.Response response = body == null ? client.send(method, path, null, java.util.Map.of())
                : client.json(method, path, body);
        Sample sample = new Sample(kind, sent, System.nanoTime(), response.status(), response.header("Retry-After"),
                response.header("Location"), response.body() == null ? "" : response.body());
        if (!lean) {
            samples.add(sample);
            return sample;
        }
        counts.computeIfAbsent(kind + " " + sample.status(), k -> new java.util.concurrent.atomic.LongAdder())
                .increment();
        if (!sample.ok() && samples.size() < KEPT_FAILURES) {
            samples.add(sample);
        } else if (sample.ok() && "create".equals(kind) && sample.location() != null) {
            acknowledged.add(new Sample(kind, sent, sample.answered(), sample.status(), null, sample.location(), ""));
        }
        return sample;
    }

    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    List<Sample> samples(Predicate<Sample> which) {
        return samples.stream().filter(which).collect(Collectors.toList());
    }

    long count(Predicate<Sample> which) {
        return samples.stream().filter(which).count();
    }

    /** The paths of the ring groups whose create was answered 2xx. */
    List<String> acknowledgedCreates() {
        return samples.stream().filter(s -> "create".equals(s.kind()) && s.ok() && s.location() != null)
                .map(s -> s.location().replaceAll("^.*/pbxapi/", "/pbxapi/")).collect(Collectors.toList());
    }

    /** Status -> count, e.g. {@code {201=120, 503=8}}, for messages and the README's figures. */
    String summary(Predicate<Sample> which) {
        return samples.stream().filter(which).collect(Collectors.groupingBy(Sample::status,
                java.util.TreeMap::new, Collectors.counting())).toString();
    }

    /** Lean: "kind status" -> how many, e.g. {@code {create 201=1200, read 200=600}}. */
    java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    /**
     * Lean: the paths of the creates acknowledged 2xx at least {@code age} ago (all of them with
     * {@link java.time.Duration#ZERO}), handed over once; the workers no longer touch them by then.
     */
    List<String> takeAcknowledged(java.time.Duration age) {
        long before = System.nanoTime() - age.toNanos();
        List<String> taken = new ArrayList<>();
        for (Sample head = acknowledged.peek(); head != null && head.answered() <= before; head = acknowledged.peek()) {
            if (acknowledged.remove(head)) {
                taken.add(head.location().replaceAll("^.*/pbxapi/", "/pbxapi/"));
            }
        }
        return taken;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        threads.awaitTermination(60, TimeUnit.SECONDS);
    }
}
