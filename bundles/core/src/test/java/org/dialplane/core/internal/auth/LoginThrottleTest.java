package org.dialplane.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), Duration.ofSeconds(30), clock);

    @Test
    void whenFewerFailuresThanTheLimit_thenClientIsNotLockedOut() {
        fail("10.0.0.1", 2);

        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.1"));
    }

    @Test
    void whenFailuresReachTheLimit_thenClientIsLockedOutForTheLockout() {
        fail("10.0.0.1", 3);

        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedOut("10.0.0.1"));
        assertEquals(Optional.empty(), throttle.lockedOut("10.0.0.2"));
    }

    @Test
    void whenLockoutPasses_thenClientMayTryAgain() {
        fail("c", 3);
        clock.advance(Duration.ofSeconds(30));

        assertEquals(Optional.empty(), throttle.lockedOut("c"));
    }

    @Test
    void whenClientKeepsFailing_thenLockoutDoublesUpToTheCap() {
        fail("c", 3);
        clock.advance(Duration.ofSeconds(30));
        fail("c", 1);

        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.lockedOut("c"));
        fail("c", 30);
        assertEquals(Optional.of(LoginThrottle.MAX_LOCKOUT), throttle.lockedOut("c"));
    }

    @Test
    void whenLoginSucceeds_thenFailuresAreForgotten() {
        fail("c", 2);
        throttle.succeeded("c");
        fail("c", 2);

        assertEquals(Optional.empty(), throttle.lockedOut("c"));
    }

    @Test
    void whenFailuresAreSpreadBeyondTheWindow_thenTheyDoNotAddUp() {
        fail("c", 2);
        clock.advance(Duration.ofMinutes(6));
        fail("c", 2);

        assertTrue(throttle.lockedOut("c").isEmpty());
    }

    private void fail(String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(client);
        }
    }
}
