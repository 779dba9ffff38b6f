package org.dialplane.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Sends one request byte for byte and judges the answer: a status below 500, and a body that says nothing about
 * the server (no stack trace, no SQL or database error text, no file path of the machine). Echoes of the
 * catalogue's own values are removed before the body is searched: an answer may quote what it was sent.
 */
final class HostileProbe {
    /** What gives the server away, each with the name a finding carries. */
    private static final List<Leak> LEAKS = List.of(
            new Leak("stack trace", Pattern.compile("(\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(|Caused by:|"
                    + "\\b(java|javax|jakarta|sun|org\\.glassfish|org\\.eclipse\\.jetty|org\\.dialplane|"
                    + "com\\.fasterxml|org\\.mariadb|org\\.apache)\\.[a-z]+\\.|[A-Za-z]+Exception\\b)")),
            new Leak("SQL", Pattern.compile("(?i)(SQL syntax|SQLState|SQLException|MariaDB|MySQL|Unknown column|"
                    + "doesn't exist|Duplicate entry|Data too long|Incorrect \\w+ value|Out of range value|"
                    + "Deadlock found|foreign key constraint|Truncated incorrect|\\bSELECT\\b[^\"]{0,200}\\bFROM\\b|"
                    + "\\bINSERT INTO\\b|\\bDELETE FROM\\b|\\bUPDATE\\s+`?\\w+`?\\s+SET\\b)")),
            new Leak("file path", Pattern.compile("(root:x:0:0|(?<![\\w.])/(etc|var|tmp|usr|root|home|opt|proc|"
                    + "work|srv)/[\\w.-]+|[A-Za-z]:\\\\\\w)")));

    record Leak(String name, Pattern pattern) {
    }

    /** One answer, as much of the body as was read. */
    record Answer(int status, String contentType, String body, long millis) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final List<String> echoes;
    private final List<Pattern> looseEchoes;
    private final AtomicInteger retried = new AtomicInteger();
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger unsendable = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger leaks = new AtomicInteger();
    private final AtomicLong slowest = new AtomicLong();
    private final int[] byClass = new int[6];

    HostileProbe(int port) {
        this.port = port;
        List<String> texts = new ArrayList<>();
        for (HostileValues.Hostile value : HostileValues.values()) {
            if (value.json() != null && value.json().length < 100_000) {
                String json = new String(value.json(), StandardCharsets.UTF_8);
                texts.add(json);
                if (json.startsWith("\"")) {
                    texts.add(json.substring(1, json.length() - 1));
                }
            }
            if (value.url() != null && value.url().length() < 100_000) {
                texts.add(value.url());
            }
        }
        texts.add("/etc/passwd"); // inside longer echoes (a path the answer quotes with its own prefix)
        texts.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no half-removed echo
        this.echoes = List.copyOf(texts);
        // Echoes the answer reworded (punctuation dropped or escaped): the words of a value in order.
        List<Pattern> loose = new ArrayList<>();
        for (String text : texts) {
            List<String> words = List.of(text.split("[^A-Za-z0-9]+")).stream().filter(w -> !w.isEmpty()).toList();
            if (words.size() >= 2 && text.length() < 1_000) {
                loose.add(Pattern.compile(String.join("[^A-Za-z0-9]*", words.stream().map(Pattern::quote).toList())));
            }
        }
        this.looseEchoes = List.copyOf(loose);
    }

    /**
     * Sends {@code method target} (path and query, already encoded) with {@code body} (null for none) as JSON, with
     * the key as a Bearer token; records a finding when the answer is a 5xx, times out, or leaks. Null when the
     * request cannot be sent at all (a URI no client accepts: the catalogue's raw forms).
     */
    Answer send(String label, String method, String target, byte[] body, String key) {
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + target);
        } catch (IllegalArgumentException e) {
            unsendable.incrementAndGet();
            return null;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        sent.incrementAndGet();
        Answer answer = exchange(request.build());
        if (answer.status() == -1 && !answer.body().startsWith("no answer")) {
            // A kept-alive connection the server closed after answering an earlier request early (a 413 before
            // the whole body was read) races the next request sent on it: the request was never read. Once more,
            // on a new connection; a second failure is a finding.
            retried.incrementAndGet();
            answer = exchange(request.build());
        }
        judge(label, method, target, answer);
        return answer;
    }

    private Answer exchange(HttpRequest request) {
        long start = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = response.body()) {
                // An event stream never ends: its status and type are the answer.
                text = type.startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(512 * 1024), StandardCharsets.UTF_8);
            }
            answer = new Answer(response.statusCode(), type, text, (System.nanoTime() - start) / 1_000_000);
        } catch (HttpTimeoutException e) {
            answer = new Answer(-1, "", "no answer within 30 s", 30_000);
        } catch (IOException e) {
            answer = new Answer(-1, "", e.toString(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return answer;
    }

    private void judge(String label, String method, String target, Answer answer) {
        slowest.accumulateAndGet(answer.millis(), Math::max);
        synchronized (byClass) {
            byClass[answer.status() < 100 ? 0 : Math.min(answer.status() / 100, 5)]++;
        }
        String where = method + " " + abbreviate(target, 160) + " [" + label + "] -> " + answer.status() + " ";
        if (answer.status() >= 500 || answer.status() < 0) {
            serverErrors.incrementAndGet();
            findings.add(where + abbreviate(answer.body(), 300));
            return;
        }
        String leak = leak(answer.body());
        if (leak != null) {
            leaks.incrementAndGet();
            findings.add(where + leak);
        }
    }

    /** The kind and text of the first leak in {@code body} once the catalogue's echoes are removed; null if none. */
    String leak(String body) {
        String rest = body;
        for (String echo : echoes) {
            if (!echo.isEmpty() && rest.contains(echo)) {
                rest = rest.replace(echo, " ");
            }
        }
        for (Pattern echo : looseEchoes) {
            rest = echo.matcher(rest).replaceAll(" ");
        }
        for (Leak leak : LEAKS) {
            var matcher = leak.pattern().matcher(rest);
            if (matcher.find()) {
                int from = Math.max(0, matcher.start() - 60);
                return leak.name() + ": ..." + abbreviate(rest.substring(from), 200);
            }
        }
        return null;
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    int sent() {
        return sent.get();
    }

    int serverErrors() {
        return serverErrors.get();
    }

    int leaks() {
        return leaks.get();
    }

    /** A line for the log and the report: requests, answers by class, findings, the slowest answer. */
    String summary() {
        synchronized (byClass) {
            return String.format("%d requests (%d not sendable, %d resent after a closed connection): no answer %d,"
                    + " 1xx %d, 2xx %d, 3xx %d, 4xx %d, 5xx %d; leaks %d; slowest %d ms", sent.get(), unsendable.get(),
                    retried.get(), byClass[0], byClass[1], byClass[2], byClass[3], byClass[4], byClass[5], leaks.get(),
                    slowest.get());
        }
    }

    /** Where the suites write their reports ({@code itests/target/work}). */
    static Path work() {
        return Path.of(System.getProperty("dialplane.test.work", "target/work")).toAbsolutePath();
    }

    static String abbreviate(String text, int max) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...(" + flat.length() + " chars)";
    }
}
