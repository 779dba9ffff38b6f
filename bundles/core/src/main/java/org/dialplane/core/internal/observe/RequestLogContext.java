package org.dialplane.core.internal.observe;

import java.util.Collection;
import java.util.Map;

import org.slf4j.MDC;

/**
 * Carries the request id ({@link RequestIds#MDC_KEY} in the logging MDC, put there by {@link RequestIdFilter} for
 * the request's own thread) to work that core hands to its own threads for a request, so that their log lines name
 * the request too: a task captures the id where it is handed off and runs with it.
 */
public final class RequestLogContext {
    /** Enough to find the requests of an apply burst; a burst of hundreds names its first ones. */
    public static final int MAX_IDS = 8;

    private RequestLogContext() {
    }

    /** The id of the request this thread serves (or works for), or null. */
    public static String currentRequestId() {
        return MDC.get(RequestIds.MDC_KEY);
    }

    /** {@code task} running with this thread's request id, if it has one (else {@code task} itself). */
    public static Runnable carry(Runnable task) {
        String id = currentRequestId();
        return id == null ? task : () -> runAs(id, task);
    }

    /**
     * Runs {@code task} on this thread with the ids of the requests it works for (several: an apply serves a
     * burst of writes), comma-separated, the first {@value #MAX_IDS}; none: as is.
     */
    public static void runFor(Collection<String> requestIds, Runnable task) {
        if (requestIds.isEmpty()) {
            task.run();
            return;
        }
        runAs(String.join(",", requestIds.stream().limit(MAX_IDS).toList()), task);
    }

    private static void runAs(String id, Runnable task) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            task.run();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }
}
