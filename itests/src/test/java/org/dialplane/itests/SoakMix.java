package org.dialplane.itests;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The soak's mixed load over many resources, beside {@link LoadDriver}'s ring group writes: each worker cycles
 * through extension and ring group lifecycles (create, read, update, delete), lists with paging and fields, calls
 * and AMI reads through the fake AMI, an events stream opened and left, CDR exports, media uploaded, played and
 * deleted, requests that must be refused (4xx), and, on worker 0, a login, a token renewal and a logout. Every
 * answer is counted by operation and status; an answer other than the one expected is kept (the first
 * {@value #KEPT}) and counted. Only counts are kept, so the run's own memory stays flat.
 */
final class SoakMix implements AutoCloseable {
    static final int KEPT = 50;
    private static final String EXTENSIONS = "/pbxapi/extensions";
    private static final String RING_GROUPS = "/pbxapi/ringgroups";
    /** The CDR bundle runs 2 exports at once and answers 503 to a third: the load keeps within that. */
    private static final int EXPORTERS = 2;
    /** The extension calls are placed from; created by the test. */
    static final String CALLER = "402";

    private final Http client;
    private final Http anonymous;
    private final Uploads media;
    private final int port;
    private final String credential;
    private final byte[] audio;
    private final ExecutorService threads;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final LongAdder unexpectedCount = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private volatile boolean running = true;

    /**
     * Starts {@code workers} threads as {@code credential} (a global API key: it does not expire during a long
     * run); {@code audio} is what media uploads send.
     */
    SoakMix(int port, String credential, int workers, byte[] audio) {
        this.port = port;
        this.credential = credential;
        this.anonymous = new Http(port);
        this.client = anonymous.bearer(credential);
        this.media = new Uploads(port, credential);
        this.audio = audio;
        this.threads = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < workers; i++) {
            int worker = i;
            threads.execute(() -> work(worker));
        }
    }

    private void work(int worker) {
        for (long n = 0; running; n++) {
            try {
                switch ((int) (n % 9)) {
                    case 0 -> extension(worker, n);
                    case 1 -> ringGroup(worker, n);
                    case 2 -> lists(n);
                    case 3 -> calls(n);
                    case 4 -> events();
                    case 5 -> {
                        if (worker < EXPORTERS) {
                            export(n);
                        } else {
                            lists(n + 1);
                        }
                    }
                    case 6 -> media(worker, n);
                    case 7 -> refusals(n);
                    default -> {
                        if (worker == 0) {
                            login();
                        } else {
                            lists(n + 1);
                        }
                    }
                }
            } catch (RuntimeException | IOException e) {
                note("client error", -1, e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---- the operations --------------------------------------------------------------------------------------

    private void extension(int worker, long n) {
        // Far above the ring groups' next free numbers, which the load takes by the thousand.
        String path = EXTENSIONS + "/" + (98000 + worker * 100 + n % 100);
        if (expect("extension create", client.json("PUT", path + "?reload=0", "{\"name\":\"Soak " + n + "\"}"),
                200, 201, 204)) {
            present("extension get", client.get(path + "?fields=extension,name"));
        }
        expect("extension update", client.json("PUT", path + "?reload=0", "{\"name\":\"Soak renamed\"}"), 200, 201,
                204);
        expect("extension delete", client.send("DELETE", path + "?reload=0", null, Map.of()), 200, 204);
    }

    private void ringGroup(int worker, long n) {
        Http.Response created = client.json("POST", RING_GROUPS + "?reload=0", "{\"name\":\"soak-" + worker
                + "\",\"extension_list\":[\"" + CALLER + "\",\"0612345678#\"],\"strategy\":\"hunt\"}");
        if (!expect("ringgroup create", created, 201)) {
            return;
        }
        String path = created.header("Location").replaceAll("^.*/pbxapi/", "/pbxapi/");
        present("ringgroup get", client.get(path + "?fields=extension,name,extension_list,strategy"));
        expect("ringgroup update", client.json("PUT", path + "?reload=0", "{\"ring_time\":" + (10 + n % 50) + "}"),
                200, 204);
        expect("ringgroup delete", client.send("DELETE", path + "?reload=0", null, Map.of()), 200, 204);
    }

    private void lists(long n) {
        expect("extension list", client.get(EXTENSIONS + "?limit=10&offset=" + (n % 3) * 10
                + "&fields=extension,name"), 200);
        expect("ringgroup list", client.get(RING_GROUPS + "?limit=5&offset=" + n % 20
                + "&fields=extension,name,strategy&search=soak"), 200);
    }

    private void calls(long n) {
        expect("calls count", client.get("/pbxapi/calls/count"), 200);
        expect("calls live", client.get("/pbxapi/calls"), 200);
        if (n % 3 == 0) {
            Http.Response placed = client.json("POST", "/pbxapi/calls", "{\"source\":\"" + CALLER
                    + "\",\"dest\":\"0612345678\",\"timeout\":20}");
            if (expect("calls originate", placed, 202)) {
                expect("calls status", client.get("/pbxapi/calls/" + placed.json().get("id").asText()), 200);
            }
        }
    }

    /** A client that opens the stream, takes what comes for a moment and leaves, as a dashboard tab does. */
    private void events() throws IOException, InterruptedException {
        try (SseClient stream = SseClient.connect(port, "/pbxapi/events?types=call.started,call.hangup",
                Logins.bearer(credential))) {
            count("events stream", 200);
            Thread.sleep(500); // how long this client stays: part of the load, not a wait for a condition
        } catch (SseClient.Refused refused) {
            expect("events stream", refused.response, 200);
        }
    }

    private void export(long n) {
        String format = n % 2 == 0 ? "csv" : "xml";
        expect("cdr export " + format, client.get("/pbxapi/cdrs?format=" + format
                + "&start=2015-01-01&end=2016-01-01"), 200);
    }

    private void media(int worker, long n) {
        Uploads.Reply uploaded = media.raw("POST", "/pbxapi/media?name=soak-" + worker + "-" + n, audio);
        count("media upload", uploaded.status());
        if (uploaded.status() != 201) {
            note("media upload", uploaded.status(), uploaded.toString());
            return;
        }
        String path = uploaded.header("Location").replaceAll("^.*/pbxapi/", "/pbxapi/");
        Uploads.Reply played = media.get(path + "/audio");
        count("media download", played.status());
        if (played.status() != 200 || played.body().length < 44) {
            lost.increment();
            note("media download", played.status(), played.toString());
        }
        Uploads.Reply deleted = media.send("DELETE", path, null, null, false, Map.of());
        count("media delete", deleted.status());
        if (deleted.status() != 204 && deleted.status() != 200) {
            note("media delete", deleted.status(), deleted.toString());
        }
    }

    /** Requests that must be refused with a 4xx: never a 5xx, never a 2xx. */
    private void refusals(long n) {
        switch ((int) (n % 4)) {
            case 0 -> expect("4xx unknown extension", client.get(EXTENSIONS + "/59999"), 404);
            case 1 -> expect("4xx invalid ring group", client.json("POST", RING_GROUPS + "?reload=0",
                    "{\"extension_list\":[],\"ring_time\":\"soon\"}"), 422);
            case 2 -> expect("4xx bad paging", client.get(RING_GROUPS + "?limit=-3"), 400);
            default -> expect("4xx no credentials", anonymous.get(EXTENSIONS), 401);
        }
    }

    private void login() {
        Http.Response login = Logins.login(anonymous, "admin", Logins.ADMIN_PASSWORD);
        if (!expect("login", login, 200)) {
            return;
        }
        Http.Response renewed = anonymous.get("/pbxapi/authenticate/renewtoken?refresh_token="
                + login.json().get("refresh_token").asText());
        if (!expect("login renew", renewed, 200)) {
            return;
        }
        JsonNode tokens = renewed.json();
        expect("login use", anonymous.send("GET", "/pbxapi/system/bundles", null,
                Logins.bearer(tokens.get("access_token").asText())), 200);
        expect("login logout", anonymous.send("POST", "/pbxapi/authenticate/logout?refresh_token="
                + tokens.get("refresh_token").asText(), null, Map.of()), 204);
    }

    // ---- recording -------------------------------------------------------------------------------------------

    /** Counts the answer; false (and kept) when it is not one of {@code expected}. */
    private boolean expect(String operation, Http.Response response, int... expected) {
        count(operation, response.status());
        for (int status : expected) {
            if (response.status() == status) {
                return true;
            }
        }
        note(operation, response.status(), response.toString());
        return false;
    }

    /** A GET of what was just acknowledged: anything but 200 means it was lost. */
    private void present(String operation, Http.Response response) {
        if (!expect(operation, response, 200)) {
            lost.increment();
        }
    }

    private void count(String operation, int status) {
        counts.computeIfAbsent(operation + " " + status, k -> new LongAdder()).increment();
    }

    private void note(String operation, int status, String answer) {
        unexpectedCount.increment();
        if (unexpected.size() < KEPT) {
            unexpected.add(operation + " -> " + status + ": " + (answer.length() > 300 ? answer.substring(0, 300)
                    : answer));
        }
    }

    /** "operation status" -> how many. */
    Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    long unexpectedCount() {
        return unexpectedCount.sum();
    }

    List<String> unexpected() {
        return new ArrayList<>(unexpected);
    }

    long lost() {
        return lost.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
