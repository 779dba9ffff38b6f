package org.dialplane.bench.timing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How fast this machine is now, printed beside the start times: the same build's used-home start has measured
 * anywhere from 1.8 s to 2.5 s on this project's machine within one session, with nothing else running. A start time
 * means little without the machine's speed at that moment, so the cold start prints this probe before and after
 * its runs: the best of five sorts of the same four million pseudo-random integers (one thread, in this JVM), and
 * the load average.
 */
public final class MachineSpeed {
    private static final int VALUES = 4_000_000;
    private static final int ROUNDS = 5;

    private MachineSpeed() {
    }

    static String describe() {
        int[] values = new SplittableRandom(42).ints(VALUES).toArray();
        long best = Long.MAX_VALUE;
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms the JIT up and is not counted
            int[] copy = values.clone();
            long start = System.nanoTime();
            Arrays.sort(copy);
            long nanos = System.nanoTime() - start;
            if (round > 0) {
                best = Math.min(best, nanos);
            }
        }
        return String.format("machine speed: sorting %,d integers took %.0f ms (best of %d, lower is faster); load "
                + "average %s", VALUES, best / 1e6, ROUNDS, loadAverage());
    }

    /** The load average over 1, 5 and 15 minutes ({@code /proc/loadavg}), or "unknown". */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
