package org.dialplane.bench.timing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.dialplane.bench.load.HttpConnection;
import org.dialplane.bench.load.Request;
import org.dialplane.bench.load.Target;

/** Polls a path every few milliseconds until it answers a status, within a deadline; refused connects retry. */
final class StatusPoller {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private StatusPoller() {
    }

    /** The {@link System#nanoTime()} at which {@code path} first answered {@code status}. */
    static long await(Target target, String path, int status, long timeoutMillis, ProcessHandle alive)
            throws IOException {
        byte[] request = target.encode(Request.get(path), false);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int last = -1;
        while (System.nanoTime() < deadline) {
            try (HttpConnection connection = target.connect()) {
                last = connection.exchange(request, false).status();
                if (last == status) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (alive != null && !alive.isAlive()) {
                throw new IOException("the process exited before " + path + " answered " + status);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IOException(path + " did not answer " + status + " within " + timeoutMillis + " ms (last: "
                + (last < 0 ? "no connection" : last) + ")");
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String list(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double value : values) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format("%.2f", value));
        }
        return out.toString();
    }
}
