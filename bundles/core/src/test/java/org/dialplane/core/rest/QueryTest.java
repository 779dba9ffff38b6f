package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

class QueryTest {
    private static final FieldSet FIELDS = FieldSetTest.RING_GROUPS;

    private static Query parse(String... pairs) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return Query.parse(parameters, FIELDS);
    }

    private static int status(Runnable parse) {
        return assertThrows(ApiException.class, parse::run).problem().status();
    }

    @Test
    void whenNoParameters_thenEverythingDefaults() {
        Query query = parse();
        assertEquals(FIELDS.defaultNames(), query.fields());
        assertTrue(query.limit().isEmpty());
        assertEquals(0, query.offset());
        assertEquals("extension", query.order().name());
        assertEquals(Query.Direction.ASC, query.direction());
        assertTrue(query.search().isEmpty());
        assertFalse(query.paginated());
        assertTrue(query.limitOffset().isEmpty());
        assertTrue(query.searchCondition().isEmpty());
        assertEquals(" ORDER BY grpnum ASC", query.orderBy().sql());
    }

    @Test
    void whenAllParametersGiven_thenAllParsed() {
        Query query = parse("fields", "name", "limit", "10", "offset", "20", "order", "ring_time", "direction",
                "DESC", "search", " sales ");
        assertEquals(List.of("name"), query.fields());
        assertEquals(10, query.limit().orElseThrow());
        assertEquals(20, query.offset());
        assertTrue(query.paginated());
        assertEquals(" ORDER BY grptime DESC", query.orderBy().sql());
        assertEquals(" LIMIT ? OFFSET ?", query.limitOffset().sql());
        assertEquals(List.of(10L, 20L), query.limitOffset().params());
        assertEquals("(grpnum LIKE ? ESCAPE '!' OR description LIKE ? ESCAPE '!')", query.searchCondition().sql());
        assertEquals(List.of("%sales%", "%sales%"), query.searchCondition().params());
    }

    @Test
    void whenOffsetAlone_thenPaginatedWithTheLargestLimit() {
        Query query = parse("offset", "5");
        assertTrue(query.paginated());
        assertEquals(List.of(Long.MAX_VALUE, 5L), query.limitOffset().params());
    }

    @Test
    void whenLimitOutOfRangeOrNotANumber_then400() {
        assertEquals(400, status(() -> parse("limit", "0")));
        assertEquals(400, status(() -> parse("limit", "1001")));
        assertEquals(400, status(() -> parse("limit", "ten")));
        assertEquals(400, status(() -> parse("limit", "99999999999")));
        assertEquals(1000, parse("limit", "1000").limit().orElseThrow());
    }

    @Test
    void whenOffsetNegative_then400() {
        assertEquals(400, status(() -> parse("offset", "-1")));
    }

    @Test
    void whenOrderByUnknownOrUnsortableField_then400() {
        assertEquals(400, status(() -> parse("order", "colour")));
        assertEquals(400, status(() -> parse("order", "extension_list")));
        assertEquals(400, status(() -> parse("order", "computed")));
        assertEquals(400, status(() -> parse("order", "grpnum")));  // a column is not a field name
    }

    @Test
    void whenDirectionBad_then400() {
        assertEquals(400, status(() -> parse("direction", "up")));
        assertEquals(Query.Direction.DESC, parse("direction", "desc").direction());
    }

    @Test
    void whenParameterRepeated_then400() {
        assertEquals(400, status(() -> parse("limit", "1", "limit", "2")));
    }

    @Test
    void whenSearchTooLongOrOnAnUnsearchableResource_then400() {
        assertEquals(400, status(() -> parse("search", "x".repeat(101))));
        FieldSet unsearchable = FieldSet.builder().field("a", "a").build();
        assertThrows(ApiException.class, () -> Query.parse(Map.of("search", List.of("x")), unsearchable));
        assertTrue(parse("search", "   ").search().isEmpty());
    }

    @Test
    void whenSearchHasLikeWildcards_thenTheyMatchLiterally() {
        assertEquals("50!%!_off!!", Query.escapeLike("50%_off!"));
        assertEquals(List.of("%50!%%", "%50!%%"), parse("search", "50%").searchCondition().params());
    }

    @Test
    void whenMapProjected_thenTheChosenFieldsNullWhenAbsent() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "Sales");
        row.put("extension", "600");
        row.put("secret", "hidden");
        Map<String, Object> shown = parse("fields", "name,ring_time").project(row);
        assertEquals(Arrays.asList("name", "ring_time"), List.copyOf(shown.keySet()));
        assertEquals("Sales", shown.get("name"));
        assertNull(shown.get("ring_time"));
    }

    @Test
    void whenFieldsHidden_thenDroppedAndTheRestKept() {
        Query query = parse("fields", "*", "limit", "5").hiding("ring_time", "not_there");
        assertEquals(List.of("extension", "name", "extension_list", "computed"), query.fields());
        assertEquals(5, query.limit().orElseThrow());
    }

    record RingGroup(String extension, String name, @JsonProperty("ring_time") int ringTime) {
    }

    @Test
    void whenRecordProjected_thenShownByItsJsonNames() {
        Map<String, Object> shown = parse("fields", "ring_time,extension").project(new RingGroup("600", "S", 20));
        assertEquals(Map.of("ring_time", 20, "extension", "600"), shown);
        assertEquals(List.of("ring_time", "extension"), List.copyOf(shown.keySet()));
    }
}
