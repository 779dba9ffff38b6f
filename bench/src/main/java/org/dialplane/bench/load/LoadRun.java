package org.dialplane.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop run: each of N connections sends its next request as soon as the previous response is read.
 * The first {@code warmup} is not recorded (JIT, pools, connections); the measured window ends after
 * {@code duration} or {@code maxRequests} recorded requests, whichever comes first. Latency is the time from
 * writing a request to reading the end of its response, recorded in microseconds.
 */
public final class LoadRun {
    private static final long HIGHEST_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Target target;
    private final Scenario scenario;
    private final Fixture.Context context;
    private final ProcessCpu cpu;

    /** @param cpu the target process's CPU, read at the start and the end of the measured window; or null */
    public LoadRun(Target target, Scenario scenario, Fixture.Context context, ProcessCpu cpu) {
        this.target = target;
        this.scenario = scenario;
        this.context = context;
        this.cpu = cpu;
    }

    public Measurement run(int connections, double warmupSeconds, double durationSeconds, long maxRequests)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (durationSeconds * 1e9);
        AtomicLong sequence = new AtomicLong();
        AtomicLong recorded = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastFinish = new AtomicLong(measureFrom);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Histogram histogram = new Histogram(HIGHEST_LATENCY_MICROS, 3);
            histograms.add(histogram);
            Thread worker = new Thread(() -> {
                try (HttpConnection connection = target.connect()) {
                    while (true) {
                        byte[] request = target.encode(scenario.plan().request(sequence.getAndIncrement(), context),
                                scenario.authenticated());
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        String error = exchange(connection, request);
                        long done = System.nanoTime();
                        if (sent < measureFrom) {
                            continue;
                        }
                        if (recorded.incrementAndGet() > maxRequests) {
                            break;
                        }
                        histogram.recordValue(Math.min((done - sent) / 1000, HIGHEST_LATENCY_MICROS));
                        lastFinish.accumulateAndGet(done, Math::max);
                        if (error != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                }
            }, "load-" + target.name() + "-" + c);
            worker.start();
            workers.add(worker);
        }
        long cpuAtStart = -1;
        if (cpu != null) {
            long wait = measureFrom - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            cpuAtStart = cpu.micros();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long cpuUsed = cpuAtStart < 0 ? -1 : cpu.micros() - cpuAtStart;
        Histogram merged = new Histogram(HIGHEST_LATENCY_MICROS, 3);
        histograms.forEach(merged::add);
        double seconds = (lastFinish.get() - measureFrom) / 1e9;
        return new Measurement(merged.getTotalCount(), errors.get(), firstError.get(), seconds, merged,
                cpuAtStart < 0 ? -1 : cpuUsed);
    }

    /** Null when the response had the expected status; otherwise what went wrong. */
    private String exchange(HttpConnection connection, byte[] request) {
        try {
            int status = connection.exchange(request, false).status();
            return status == scenario.expectedStatus() ? null : "status " + status;
        } catch (IOException e) {
            return e.toString();
        }
    }
}
