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
}
