package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;

import org.dialplane.core.rest.MaxBodySize;
import org.junit.jupiter.api.Test;

class BodySizeLimitTest {

    @Test
    void whenLimitNotSet_thenItIsOneMebibyte() {
        assertEquals(1048576, BodySizeLimit.parseLimit(null));
        assertEquals(1048576, BodySizeLimit.parseLimit(" "));
    }

    @Test
    void whenLimitSet_thenItApplies() {
        assertEquals(4096, BodySizeLimit.parseLimit(" 4096 "));
    }

    @Test
    void whenLimitIsBroken_thenTheComponentFailsRatherThanLiftingIt() {
        assertThrows(IllegalArgumentException.class, () -> BodySizeLimit.parseLimit("1M"));
        assertThrows(IllegalArgumentException.class, () -> BodySizeLimit.parseLimit("0"));
        assertThrows(IllegalArgumentException.class, () -> BodySizeLimit.parseLimit("-5"));
    }

    @SuppressWarnings("unused")
    private void upload(@MaxBodySize(5000) String body, @Deprecated String other) {
    }

    @Test
    void whenParameterHasMaxBodySize_thenItOverridesTheLimit() throws Exception {
        BodySizeLimit limit = new BodySizeLimit(100);
        Annotation[][] parameters = getClass().getDeclaredMethod("upload", String.class, String.class)
                .getParameterAnnotations();
        assertEquals(5000, limit.limitFor(parameters[0]));
        assertEquals(100, limit.limitFor(parameters[1]));
        assertEquals(100, limit.limitFor(null));
    }
}
