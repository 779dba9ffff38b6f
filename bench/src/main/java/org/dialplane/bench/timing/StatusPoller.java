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
        return awaitResponse(target, Request.get(path), status, timeoutMillis, alive).nanoTime();
    }

    /** A response and when it was read. */
    record Answer(long nanoTime, HttpConnection.Response response) {
    }

    /**
     * Sends {@code request} on a new connection every few milliseconds until it answers {@code status} (with the
     * target's bearer token when it has one); that response and when it was read.
     */
    static Answer awaitResponse(Target target, Request request, int status, long timeoutMillis, ProcessHandle alive)
            throws IOException {
        String path = request.path();
        byte[] bytes = target.encode(request, target.bearerToken() != null);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int last = -1;
        while (System.nanoTime() < deadline) {
            try (HttpConnection connection = target.connect()) {
                HttpConnection.Response response = connection.exchange(bytes, true);
                last = response.status();
                if (last == status) {
                    return new Answer(System.nanoTime(), response);
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
