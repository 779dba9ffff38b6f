package org.dialplane.extensions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The time an import spends in each of its steps, summed over the chunks that repeat them, for one log line: the
 * figure that says where a slow import's time goes (issue 16 item 6) without a profiler attached. Not thread-safe:
 * one per import, used by the thread that runs it.
 */
final class StepClock {
    private final long started = System.nanoTime();
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

    /** {@code step 12 ms, other 3 ms, total 15 ms}. */
    @Override
    public String toString() {
        StringJoiner line = new StringJoiner(", ");
        nanosByStep.forEach((step, nanos) -> line.add(step + " " + nanos / 1_000_000 + " ms"));
        return line.add("total " + totalMillis() + " ms").toString();
    }
}
