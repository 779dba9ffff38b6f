package org.dialplane.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one scenario at one connection count did on one target during the measured window; {@code cpuMicros} is
 * the target process's CPU time over that window, or -1 when it was not measured (no pid given).
 */
public record Measurement(long requests, long errors, String firstError, double seconds, Histogram latencyMicros,
        long cpuMicros) {

    public double requestsPerSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The server's CPU per request in microseconds, or NaN when not measured. */
    public double cpuMicrosPerRequest() {
        return cpuMicros < 0 || requests == 0 ? Double.NaN : (double) cpuMicros / requests;
    }
}
