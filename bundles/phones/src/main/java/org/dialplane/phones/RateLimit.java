package org.dialplane.phones;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per remote address in fixed windows: at most {@code limit} in each window of {@code seconds}. Kept in
 * memory (a node's own count; a cluster would let an address make as many per node), bounded: past
 * {@value #MAX_ADDRESSES} addresses the expired windows are dropped (at most once a second, so a flood from many
 * addresses does not scan the map on every request), and if that is not enough, every count is forgotten.
 */
final class RateLimit {
    static final int MAX_ADDRESSES = 10_000;

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastPruned;

    /**
     * Counts a request.
     *
     * @return 0 when it may be served, else the seconds until the address's window ends (at least 1)
     */
    long retryAfter(String address, long nowMillis, int limit, int seconds) {
        long length = Math.max(1, seconds) * 1000L;
        if (windows.size() > MAX_ADDRESSES && nowMillis - lastPruned >= 1000) {
            lastPruned = nowMillis;
            windows.values().removeIf(w -> nowMillis - w.start() >= length);
            if (windows.size() > MAX_ADDRESSES) {
                windows.clear();
            }
        }
        Window window = windows.compute(address, (key, current) -> current == null
                || nowMillis - current.start() >= length ? new Window(nowMillis, 1)
                        : new Window(current.start(), current.count() + 1));
        if (window.count() <= limit) {
            return 0;
        }
        long left = window.start() + length - nowMillis;
        return Math.max(1, (left + 999) / 1000);
    }

    /** How many addresses are counted now. */
    int addresses() {
        return windows.size();
    }
}
