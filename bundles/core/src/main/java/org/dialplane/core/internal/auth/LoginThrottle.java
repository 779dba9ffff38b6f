package org.dialplane.core.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins from one client within {@code window},
 * that client is locked out for {@code lockout}, doubled for each further failure (up to {@link #MAX_LOCKOUT}).
 * A successful login forgets the client's failures.
 */
final class LoginThrottle {
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    /** Above this many tracked clients, stale entries are dropped, so a flood of addresses cannot fill memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the client must still wait before trying again, if it is locked out. */
    Optional<Duration> lockedOut(String client) {
        Failures failures = clients.get(client);
        Instant now = clock.instant();
        if (failures == null || failures.lockedUntil() == null || !now.isBefore(failures.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.lockedUntil()));
    }

    void failed(String client) {
        Instant now = clock.instant();
        clients.compute(client, (key, previous) -> {
            boolean fresh = previous == null || now.isAfter(previous.since().plus(window))
                    && (previous.lockedUntil() == null || now.isAfter(previous.lockedUntil()));
            int count = fresh ? 1 : previous.count() + 1;
            Instant since = fresh ? now : previous.since();
            Instant lockedUntil = count >= maxFailures ? now.plus(lockoutFor(count)) : null;
            return new Failures(count, since, lockedUntil);
        });
        if (clients.size() > PRUNE_ABOVE) {
            prune(now);
        }
    }

    void succeeded(String client) {
        clients.remove(client);
    }

    private Duration lockoutFor(int count) {
        int doublings = Math.min(count - maxFailures, 20);
        Duration duration = lockout.multipliedBy(1L << doublings);
        return duration.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : duration;
    }

    private void prune(Instant now) {
        clients.entrySet().removeIf(entry -> now.isAfter(entry.getValue().since().plus(window))
                && (entry.getValue().lockedUntil() == null || now.isAfter(entry.getValue().lockedUntil())));
    }
}
