package org.dialplane.core.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void whenOfferedIdIsPlausible_thenKept() {
        for (String id : List.of("a", "0f8c-11.ab_C", "x".repeat(64), "123e4567-e89b-12d3-a456-426614174000")) {
            assertEquals(id, RequestIds.accept(id));
        }
    }

    @Test
    void whenOfferedIdIsNotPlausible_thenANewOne() {
        for (String id : java.util.Arrays.asList(null, "", "x".repeat(65), "a b", "a\r\nb", "é", "a\"b", "a/b")) {
            String accepted = RequestIds.accept(id);
            assertNotEquals(id, accepted);
            assertTrue(accepted.matches("[0-9a-f]{32}"), accepted);
        }
    }

    @Test
    void whenGenerated_thenEachDiffers() {
        assertEquals(1000, java.util.stream.IntStream.range(0, 1000).mapToObj(i -> RequestIds.generate())
                .distinct().count());
    }
}
