package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void whenIdsCommaSeparated_thenInOrderWithoutDuplicates() {
        assertEquals(List.of("1005", "1003"), Ids.parse("1005, 1003,1005", Ids.NUMERIC).values());
        assertEquals(List.of("600"), Ids.parse("600", Ids.NUMERIC).values());
    }

    @Test
    void whenIdsMalformedOrEmpty_then400NamingThem() {
        ApiException bad = assertThrows(ApiException.class, () -> Ids.parse("100,1x1", Ids.NUMERIC));
        assertEquals(400, bad.problem().status());
        assertEquals("Invalid id '1x1'", bad.getMessage());
        assertEquals(400, assertThrows(ApiException.class, () -> Ids.parse("100,,101", Ids.NUMERIC)).problem()
                .status());
        assertEquals(400, assertThrows(ApiException.class, () -> Ids.parse("100,", Ids.NUMERIC)).problem()
                .status());
        assertEquals(400, assertThrows(ApiException.class, () -> Ids.parse(" ", Ids.NUMERIC)).problem().status());
    }

    @Test
    void whenTooManyIds_then400() {
        String many = IntStream.rangeClosed(1, Ids.MAX_IDS + 1).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        assertThrows(ApiException.class, () -> Ids.parse(many, Ids.NUMERIC));
    }

    @Test
    void whenParseOneGivenSeveral_thenRefused() {
        assertEquals("1005", Ids.parseOne("1005", Ids.NUMERIC));
        assertThrows(ApiException.class, () -> Ids.parseOne("1005,1006", Ids.NUMERIC));
    }

    @Test
    void whenRequireAllMissesSome_then404NamingTheMissingIdsInRequestOrder() {
        Ids ids = Ids.parse("1007,1005,1006", Ids.NUMERIC);
        assertEquals(List.of("1007", "1006"), ids.missing(Set.of("1005")));
        ApiException e = assertThrows(ApiException.class, () -> ids.requireAll(Set.of("1005"), "extension"));
        assertEquals(404, e.problem().status());
        assertEquals("No extension 1007, 1006", e.getMessage());
        assertDoesNotThrow(() -> ids.requireAll(Set.of("1005", "1006", "1007", "9"), "extension"));
    }
}
