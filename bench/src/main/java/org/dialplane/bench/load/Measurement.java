package org.dialplane.bench.load;

import org.HdrHistogram.Histogram;

/** What one scenario at one connection count did on one target during the measured window. */
public record Measurement(long requests, long errors, String firstError, double seconds, Histogram latencyMicros) {

    public double requestsPerSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}
