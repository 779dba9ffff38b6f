package org.dialplane.extensions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The time an import spends in each of its steps, summed over the chunks that repeat them, for one log line: the
 * figure that says where a slow import's time goes (issue 16 item 6) without a profiler attached. Not thread-safe:
 * one per import, used by the thread that runs it.
 */
final class StepClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long started = System.nanoTime();
    private final long startedCpu = THREADS.getCurrentThreadCpuTime();
    private final Map<String, Long> nanosByStep = new LinkedHashMap<>();
    private long last = started;

    /** Charges the time since the previous lap (or the start) to {@code step}. */
    void lap(String step) {
        long now = System.nanoTime();
        nanosByStep.merge(step, now - last, Long::sum);
        last = now;
    }

    long totalMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * {@code step 12 ms, other 3 ms, total 15 ms, CPU of this thread 9 ms}: call it on the thread that made the
     * clock. The CPU figure does not depend on how long the thread waited for a core on a loaded machine; the
     * database server's share is not in it.
     */
    @Override
    public String toString() {
        StringJoiner line = new StringJoiner(", ");
        nanosByStep.forEach((step, nanos) -> line.add(step + " " + nanos / 1_000_000 + " ms"));
        line.add("total " + totalMillis() + " ms");
        long cpu = THREADS.getCurrentThreadCpuTime();
        return (cpu < 0 || startedCpu < 0 ? line : line.add("CPU of this thread " + (cpu - startedCpu) / 1_000_000
                + " ms")).toString();
    }
}
