package org.dialplane.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void whenAddressExceedsItsLimit_thenRetryAfterTheWindowsEnd() {
        RateLimit limit = new RateLimit();
        assertEquals(0, limit.retryAfter("10.0.0.1", 1_000, 2, 60));
        assertEquals(0, limit.retryAfter("10.0.0.1", 2_000, 2, 60));
        assertEquals(59, limit.retryAfter("10.0.0.1", 2_000, 2, 60));
        assertEquals(0, limit.retryAfter("10.0.0.2", 2_000, 2, 60), "another address has its own count");
        assertEquals(0, limit.retryAfter("10.0.0.1", 61_000, 2, 60), "a new window");
    }

    @Test
    void whenMoreAddressesThanKept_thenExpiredOnesAreDroppedAndCountingGoesOn() {
        RateLimit limit = new RateLimit();
        for (int i = 0; i <= RateLimit.MAX_ADDRESSES; i++) {
            limit.retryAfter("10.1." + i, 0, 1, 1);
        }
        assertEquals(RateLimit.MAX_ADDRESSES + 1, limit.addresses());
        assertEquals(0, limit.retryAfter("10.2.0.1", 5_000, 1, 1));
        assertEquals(1, limit.addresses(), "the expired windows are gone");
        assertEquals(1, limit.retryAfter("10.2.0.1", 5_000, 1, 1));
    }
}
