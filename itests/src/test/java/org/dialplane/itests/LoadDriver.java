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
    private volatile boolean running = true;

    /** Starts {@code clients} threads of load as the client (an admin); {@code tag} names what it creates. */
    LoadDriver(Http client, int clients, String tag) {
        this.client = client;
        this.tag = tag;
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
        samples.add(sample);
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

    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        threads.awaitTermination(60, TimeUnit.SECONDS);
    }
}
