package org.dialplane.core.rest;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Cursor paging ({@code after}, {@code next}, {@code total}) of lists ordered by a KEY field. */
class QueryCursorTest {
    private static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "CAST(x.num AS UNSIGNED)", DEFAULT, KEY)
            .field("name", "x.name", DEFAULT)
            .orderBy("extension")
            .build();

    private static Query parse(String... pairs) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], List.of(pairs[i + 1]));
        }
        return Query.parse(parameters, FIELDS);
    }

    private static List<Map<String, Object>> rows(String... numbers) {
        return java.util.Arrays.stream(numbers).map(n -> Map.<String, Object>of("extension", n, "name", "x")).toList();
    }

    @Test
    void whenAFullPageInKeyOrder_thenNextIsACursorAfterItsLastRow() {
        Query first = parse("limit", "2");
        String next = first.next(rows("200", "201")).orElseThrow();
        Query second = parse("limit", "2", "after", next);
        assertEquals("201", second.after().orElseThrow());
        assertEquals("(CAST(x.num AS UNSIGNED) > ?)", second.keyset().sql());
        assertEquals(List.of("201"), second.keyset().params());
        assertEquals(" LIMIT ?", second.limitOffset().sql());
        assertTrue(second.paginated());
    }

    @Test
    void whenTheLastPageIsShort_thenNoNext() {
        assertTrue(parse("limit", "2").next(rows("200")).isEmpty());
        assertTrue(parse().next(rows("200", "201")).isEmpty());
    }

    @Test
    void whenDescending_thenTheKeysetLooksDownAndTheCursorIsNotValidAscending() {
        String next = parse("limit", "1", "direction", "desc").next(rows("300")).orElseThrow();
        assertEquals("(CAST(x.num AS UNSIGNED) < ?)", parse("after", next, "direction", "desc").keyset().sql());
        assertEquals(400, assertThrows(ApiException.class, () -> parse("after", next)).problem().status());
    }

    @Test
    void whenAfterIsForgedOrMixedWithOffsetOrAnotherOrder_thenBadRequestNamingIt() {
        String next = parse("limit", "1").next(rows("300")).orElseThrow();
        assertTrue(assertThrows(ApiException.class, () -> parse("after", "bm90IGEgY3Vyc29y")).problem().detail()
                .startsWith("after:"));
        assertTrue(assertThrows(ApiException.class, () -> parse("after", next, "offset", "5")).problem().detail()
                .startsWith("offset:"));
        assertTrue(assertThrows(ApiException.class, () -> parse("after", next, "order", "name")).problem().detail()
                .startsWith("after:"));
    }

    @Test
    void whenPagedByCursor_thenCountedOnlyWhenAsked() {
        String next = parse("limit", "1").next(rows("300")).orElseThrow();
        assertTrue(parse("limit", "10").counted());
        assertFalse(parse("limit", "10", "total", "false").counted());
        assertFalse(parse("limit", "10", "after", next).counted());
        assertTrue(parse("limit", "10", "after", next, "total", "true").counted());
        assertFalse(parse().counted());
        assertEquals(400, assertThrows(ApiException.class, () -> parse("total", "maybe")).problem().status());
    }

    @Test
    void whenCrudListsAFullPage_thenTheResultsCarryNextAndNoTotalByCursor() {
        String next = parse("limit", "2").next(rows("200", "201")).orElseThrow();
        Results results = Crud.list(parse("limit", "2", "after", next), q -> rows("202", "203"), q -> 99);
        assertEquals(2, results.results().size());
        assertEquals(null, results.total());
        assertEquals("203", parse("after", results.next()).after().orElseThrow());
    }
}
