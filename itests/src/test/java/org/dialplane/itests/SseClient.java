package org.dialplane.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Server-Sent Events client for the tests: connects, reads the stream on a thread of its own and hands over
 * each event (its id, name and JSON data); comments are counted, not handed over. Close it to disconnect.
 */
final class SseClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event of the stream. */
    record Event(String id, String name, JsonNode data) {
        long number() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean ended;

    private final AtomicInteger comments = new AtomicInteger();
    final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects once its headers arrive; a refused stream is an {@link Http.Response} in the exception. */
    static SseClient connect(int port, String path, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String body = String.join("\n", response.body().toList());
            throw new Refused(new Http.Response(response.statusCode(), response.headers().map(), body));
        }
        return new SseClient(response);
    }

    /** The comment lines received so far (the server's keep-alives). */
    int comments() {
        return comments.get();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** The next event, waiting at most {@code timeout}; fails the test when none comes. */
    Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + timeout.toMillis() + " ms" + (ended ? " (stream ended)" : ""));
        }
        return event;
    }

    /** Skips events until one matches, within {@code timeout}; the skipped ones are returned in the list given. */
    Event until(Predicate<Event> wanted, Duration timeout, List<Event> skipped) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout.toMillis() + " ms" + (ended
                        ? " (stream ended)" : "") + "; got " + skipped.size() + " others, the last: "
                        + skipped.subList(Math.max(0, skipped.size() - 2), skipped.size()).stream()
                                .map(other -> other.name() + " " + other.data().path("uniqueid").asText()).toList());
            }
            if (wanted.test(event)) {
                return event;
            }
            skipped.add(event);
        }
    }

    Event until(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        return until(wanted, timeout, new ArrayList<>());
    }

    /** The events received and not yet taken, without waiting. */
    List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, JSON.readTree(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet(); // a keep-alive
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the stream ended or this client closed it
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    /** The answer when the stream was refused. */
    static final class Refused extends IOException {
        final transient Http.Response response;

        Refused(Http.Response response) {
            super("stream refused: " + response);
            this.response = response;
        }
    }
}
