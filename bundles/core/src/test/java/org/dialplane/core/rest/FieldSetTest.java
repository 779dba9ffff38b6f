package org.dialplane.core.rest;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldSetTest {
    static final FieldSet RING_GROUPS = FieldSet.builder()
            .field("extension", "grpnum", DEFAULT, SEARCHABLE)
            .field("name", "description", DEFAULT, SEARCHABLE)
            .field("extension_list", "grplist", DEFAULT, UNSORTABLE)
            .field("ring_time", "grptime")
            .field("computed", null)
            .build();

    @Test
    void whenNoFieldsParameter_thenTheDefaults() {
        assertEquals(List.of("extension", "name", "extension_list"), RING_GROUPS.select(null));
        assertEquals(List.of("extension", "name", "extension_list"), RING_GROUPS.select("  "));
    }

    @Test
    void whenFieldsIsStar_thenEveryFieldInDeclarationOrder() {
        assertEquals(List.of("extension", "name", "extension_list", "ring_time", "computed"),
                RING_GROUPS.select("*"));
        assertEquals(RING_GROUPS.names(), RING_GROUPS.select("name,*"));
    }

    @Test
    void whenFieldsListed_thenThoseInTheOrderAskedWithoutDuplicates() {
        assertEquals(List.of("ring_time", "name"), RING_GROUPS.select(" ring_time , name,ring_time"));
    }

    @Test
    void whenFieldsUnknown_then400NamingEach() {
        ApiException e = assertThrows(ApiException.class, () -> RING_GROUPS.select("name,colour,size"));
        assertEquals(400, e.problem().status());
        assertTrue(e.getMessage().contains("colour, size"), e.getMessage());
    }

    @Test
    void whenAFieldNameIsEmpty_then400() {
        assertEquals(400, assertThrows(ApiException.class, () -> RING_GROUPS.select("name,,extension")).problem()
                .status());
    }

    @Test
    void whenFieldsHaveTraits_thenTheyDecideSortingAndSearching() {
        assertTrue(RING_GROUPS.field("ring_time").orElseThrow().sortable());
        assertFalse(RING_GROUPS.field("extension_list").orElseThrow().sortable());
        assertFalse(RING_GROUPS.field("computed").orElseThrow().sortable());
        assertEquals(List.of("extension", "name"),
                RING_GROUPS.searchable().stream().map(FieldSet.Field::name).toList());
        assertEquals("extension", RING_GROUPS.defaultOrder().name());
    }

    @Test
    void whenNoFieldHasTheDefaultTrait_thenEveryFieldIsShown() {
        FieldSet plain = FieldSet.builder().field("a", "a").field("b", "b").orderBy("b").build();
        assertEquals(List.of("a", "b"), plain.defaultNames());
        assertEquals("b", plain.defaultOrder().name());
    }

    @Test
    void whenDeclarationsAreBad_thenTheBuildFails() {
        assertThrows(IllegalArgumentException.class, () -> FieldSet.builder().field("a", "a").field("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> FieldSet.builder().field("a,b", "a"));
        assertThrows(IllegalArgumentException.class, () -> FieldSet.builder().field("a", "a; DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> FieldSet.builder().field("a", null, SEARCHABLE));
        assertThrows(IllegalStateException.class, () -> FieldSet.builder().build());
        assertThrows(IllegalStateException.class,
                () -> FieldSet.builder().field("a", null).orderBy("a").build());
    }
}
