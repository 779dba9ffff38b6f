package org.dialplane.ringgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.ringgroups.api.RingGroupChange;
import org.junit.jupiter.api.Test;

class IssabelRingGroupTest {
    private static final Map<String, Object> MEMBERS = Map.of(IssabelRingGroup.MEMBERS_COLUMN, "201-202");

    @Test
    void whenCreatedWithOnlyMembers_thenEveryColumnHasPbxapisDefault() {
        RingGroupChange group = IssabelRingGroup.withDefaults(new RingGroupChange("600", MEMBERS, Map.of()));

        assertEquals("201-202", group.columns().get("grplist"));
        assertEquals("ringall", group.columns().get("strategy"));
        assertEquals(20, group.columns().get("grptime"));
        assertEquals("Ring Group 600", group.columns().get("description"));
        assertEquals("app-blackhole,hangup,1", group.columns().get("postdest"));
        assertEquals(16, group.columns().size());
        assertEquals(Map.of("changecid", "default", "fixedcid", ""), group.callerId());
    }

    @Test
    void whenCreatedWithValuesSent_thenDefaultsKeepThem() {
        RingGroupChange group = IssabelRingGroup.withDefaults(new RingGroupChange("600",
                Map.of("grplist", "201", "strategy", "hunt"), Map.of("fixedcid", "555")));

        assertEquals("hunt", group.columns().get("strategy"));
        assertEquals(Map.of("changecid", "default", "fixedcid", "555"), group.callerId());
    }

    @Test
    void whenCreatedWithoutMembers_then422NamingTheField() {
        RingGroupChange withMembers = new RingGroupChange("600", MEMBERS, Map.of());
        assertSame(withMembers, IssabelRingGroup.requireCreatable(withMembers));

        ApiException e = assertThrows(ApiException.class,
                () -> IssabelRingGroup.requireCreatable(new RingGroupChange("600", Map.of(), Map.of())));
        assertEquals(422, e.problem().status());
        assertEquals("extension_list", e.problem().errors().get(0).field());
    }

    @Test
    void whenMembersJoinedAndSplit_thenTheSameList() {
        assertEquals("201-202-5551234#", IssabelRingGroup.joinMembers(List.of("201", "202", "5551234#")));
        assertEquals(List.of("201", "202"), IssabelRingGroup.splitMembers(" 201 -202-"));
        assertEquals(List.of(), IssabelRingGroup.splitMembers(""));
        assertEquals(List.of(), IssabelRingGroup.splitMembers(null));
    }

    @Test
    void whenCheckboxWritten_thenCheckedOrEmpty() {
        assertEquals("CHECKED", IssabelRingGroup.checkbox(true));
        assertEquals("", IssabelRingGroup.checkbox(false));
    }

    @Test
    void whenChangeNamesUnknownColumnOrKey_thenNotKnown() {
        assertTrue(IssabelRingGroup.isKnown(IssabelRingGroup.withDefaults(new RingGroupChange("600", MEMBERS,
                Map.of()))));
        assertFalse(IssabelRingGroup.isKnown(new RingGroupChange("600", Map.of("grpnum = 1; --", 1), Map.of())));
        assertFalse(IssabelRingGroup.isKnown(new RingGroupChange("600", MEMBERS, Map.of("../x", "1"))));
    }

    @Test
    void whenChangeBuilt_thenItsMapsAreCopiesThatCannotBeChanged() {
        RingGroupChange change = new RingGroupChange(null, null, null);

        assertEquals(Map.of(), change.columns());
        assertThrows(UnsupportedOperationException.class, () -> change.columns().put("grptime", 1));
        assertEquals("601", change.withExtension("601").extension());
    }
}
