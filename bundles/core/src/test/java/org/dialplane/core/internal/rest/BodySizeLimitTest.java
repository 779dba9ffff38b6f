package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BodySizeLimitTest {

    @Test
    void limit_defaultsToOneMebibyte() {
        assertEquals(1048576, BodySizeLimit.parseLimit(null));
        assertEquals(1048576, BodySizeLimit.parseLimit(" "));
    }

    @Test
    void limit_isSettable() {
        assertEquals(4096, BodySizeLimit.parseLimit(" 4096 "));
    }

    @Test
    void brokenLimit_failsTheComponentRatherThanLiftingTheLimit() {
        assertThrows(IllegalArgumentException.class, () -> BodySizeLimit.parseLimit("1M"));
        assertThrows(IllegalArgumentException.class, () -> BodySizeLimit.parseLimit("0"));
        assertThrows(IllegalArgumentException.class, () -> BodySizeLimit.parseLimit("-5"));
    }
}
