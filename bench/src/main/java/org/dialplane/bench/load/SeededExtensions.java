package org.dialplane.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N extensions numbered from {@link #FIRST}, created through the API with {@code PUT /pbxapi/extensions/{n}}
 * and {@code reload=0} (no config apply per write), over {@link #CONNECTIONS} connections. PUT creates or
 * updates, so a second run against the same database is fine.
 */
public final class SeededExtensions implements Fixture {
    public static final int FIRST = 50_000;
    private static final int CONNECTIONS = 16;

    /** The extension the {@code sequence}-th request reads, spread over the whole seeded range. */
    public static int number(long sequence, Context context) {
        int count = Math.max(1, context.extensions());
        return FIRST + (int) ((sequence * 7919) % count);
    }

    /** The offset of the {@code sequence}-th page of {@code pageSize} within the seeded range. */
    public static int pageOffset(long sequence, int pageSize, Context context) {
        int pages = Math.max(1, context.extensions() / pageSize);
        return (int) (sequence % pages) * pageSize;
    }

    @Override
    public String name() {
        return "seeded extensions";
    }

    @Override
    public String prepare(Target dialplane, Context context) throws SkippedException {
        int count = context.extensions();
        if (!context.create()) {
            return "using " + count + " extensions from " + FIRST + " already in the database (--seed false)";
        }
        probe(dialplane, FIRST);
        AtomicInteger next = new AtomicInteger(FIRST + 1);
        AtomicReference<String> failure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread worker = new Thread(() -> {
                try (HttpConnection connection = dialplane.connect()) {
                    for (int n = next.getAndIncrement(); n < FIRST + count && failure.get() == null;
                            n = next.getAndIncrement()) {
                        int status = put(connection, dialplane, n).status();
                        if (status != 200 && status != 201) {
                            failure.compareAndSet(null, "PUT extension " + n + " answered " + status);
                        }
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, "seeding failed: " + e);
                }
            }, "seed-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SkippedException("interrupted while seeding");
            }
        }
        if (failure.get() != null) {
            throw new SkippedException(failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("seeded %d extensions through the API (reload=0, %d connections) in %.1f s, %.0f/s",
                count, CONNECTIONS, seconds, count / seconds);
    }

    /** The first write tells whether the product serves extensions at all, with a message a reader can act on. */
    private static void probe(Target dialplane, int number) throws SkippedException {
        try (HttpConnection connection = dialplane.connect()) {
            HttpConnection.Response response = put(connection, dialplane, number);
            if (response.status() == 200 || response.status() == 201) {
                return;
            }
            String why = switch (response.status()) {
                case 404, 405 -> "the extensions resource is not in this build";
                case 401, 403 -> "not authorised (is /pbxapi/authenticate there and the admin password right?)";
                default -> Probe.excerpt(response.text());
            };
            throw new SkippedException("PUT /pbxapi/extensions/" + number + "?reload=0 answered "
                    + response.status() + " on " + dialplane.name() + ": " + why);
        } catch (IOException e) {
            throw new SkippedException("could not reach " + dialplane.name() + ": " + e);
        }
    }

    private static HttpConnection.Response put(HttpConnection connection, Target dialplane, int number)
            throws IOException {
        Request request = new Request("PUT", "/pbxapi/extensions/" + number + "?reload=0", "application/json",
                ("{\"name\":\"Bench " + number + "\",\"voicemail\":\"novm\"}").getBytes());
        return connection.exchange(dialplane.encode(request, true), true);
    }
}
