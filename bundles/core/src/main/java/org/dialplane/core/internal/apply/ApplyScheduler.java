package org.dialplane.core.internal.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyListener;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.internal.observe.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces apply requests: each request (re)starts a quiet window, and the apply runs when the window
 * passes with no new request, or when the first pending request has waited the maximum delay, whichever
 * comes first. Applies run one at a time on one thread; a request during an apply schedules another.
 */
public final class ApplyScheduler implements ApplyChanges, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyScheduler.class);

    private final Applier applier;
    private final Duration quiet;
    private final Duration maxDelay;
    private final ScheduledExecutorService executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "dialplane-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ApplyListener> listeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private ScheduledFuture<?> scheduled;
    private boolean pending;
    private boolean running;
    private long firstPendingNanos;
    private long requests;
    private long runs;
    private Instant lastRequest;
    private Instant lastRun;
    private Applier.Outcome last;
    /** The requests whose writes the pending apply takes, for its log lines (and its listeners'). */
    private Set<String> pendingRequestIds = new LinkedHashSet<>();

    ApplyScheduler(Applier applier, Duration quiet, Duration maxDelay) {
        this.applier = applier;
        this.quiet = quiet;
        this.maxDelay = maxDelay;
    }

    @Override
    public synchronized void request(String reason) {
        requests++;
        lastRequest = Instant.now();
        long now = System.nanoTime();
        if (!pending) {
            pending = true;
            firstPendingNanos = now;
            LOG.debug("apply requested ({}); applying after {} ms of quiet", reason, quiet.toMillis());
        }
        String requestId = RequestLogContext.currentRequestId();
        if (requestId != null && pendingRequestIds.size() < RequestLogContext.MAX_IDS) {
            pendingRequestIds.add(requestId);
        }
        long untilDeadline = Math.max(0, firstPendingNanos + maxDelay.toNanos() - now);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = executor.schedule(this::applyIfPending, Math.min(quiet.toNanos(), untilDeadline),
                TimeUnit.NANOSECONDS);
    }

    private void applyIfPending() {
        Set<String> requestIds;
        synchronized (this) {
            if (!pending) {
                return; // an earlier run took this burst
            }
            pending = false;
            running = true;
            requestIds = pendingRequestIds;
            pendingRequestIds = new LinkedHashSet<>();
        }
        RequestLogContext.runFor(requestIds, this::apply);
    }

    private void apply() {
        long start = System.nanoTime();
        Applier.Outcome outcome;
        try {
            outcome = applier.apply();
        } catch (RuntimeException e) {
            outcome = Applier.Outcome.failure(e.toString(), null);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (this) {
            running = false;
            runs++;
            lastRun = Instant.now();
            last = outcome;
        }
        tell(status());
        if (outcome.failed()) {
            LOG.warn("apply changes ({}) failed after {} ms: {}{}", applier.method(), millis, outcome.error(),
                    outcome.output() == null || outcome.output().isEmpty() ? "" : "\n" + outcome.output());
        } else {
            LOG.info("apply changes ({}): {} in {} ms", applier.method(), outcome.result(), millis);
        }
    }

    @Override
    public synchronized ApplyStatus status() {
        return new ApplyStatus(pending, running, applier.method(), requests, runs, lastRequest, lastRun,
                last == null ? null : last.result(), last == null ? null : last.error(),
                last == null ? null : last.output());
    }

    @Override
    public Subscription subscribe(ApplyListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tell(ApplyStatus status) {
        for (ApplyListener listener : listeners) {
            try {
                listener.applied(status);
            } catch (RuntimeException e) {
                LOG.warn("apply listener {} failed", listener, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
