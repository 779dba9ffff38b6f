package org.dialplane.ringgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.ringgroups.api.RingGroupChange;
import org.dialplane.testing.fakes.FakePbx;
import org.junit.jupiter.api.Test;

class RingGroupNotifierTest {
    private final FakePbx pbx = new FakePbx();
    private final RingGroupNotifier notifier = new RingGroupNotifier(new AfterCommit(pbx, pbx));

    private static RingGroupRepository.Saved created(String number) {
        RingGroupChange group = IssabelRingGroup.withDefaults(new RingGroupChange(number,
                Map.of(IssabelRingGroup.MEMBERS_COLUMN, "201-202"), Map.of("fixedcid", "5551234")));
        return new RingGroupRepository.Saved(number, true, IssabelRingGroup.callerId(group));
    }

    @Test
    void whenRingGroupCreated_thenCallerIdKeysPushedAndApplyRequested() {
        notifier.saved(created("600"), true);

        assertEquals(Set.of(new AstDbChanges.Op("RINGGROUP", "600/changecid", "default"),
                new AstDbChanges.Op("RINGGROUP", "600/fixedcid", "5551234")), Set.copyOf(pbx.pushed));
        assertEquals(List.of("ring groups: 600"), pbx.applies);
    }

    @Test
    void whenReloadIsZero_thenNoApply() {
        notifier.saved(created("600"), false);

        assertEquals(2, pbx.pushed.size());
        assertEquals(List.of(), pbx.applies);
    }

    @Test
    void whenUpdateSetsNoCallerId_thenNothingPushedButApplyRequested() {
        notifier.saved(new RingGroupRepository.Saved("600", false, new AstDbChanges()), true);

        assertEquals(List.of(), pbx.pushed);
        assertEquals(List.of("ring groups: 600"), pbx.applies);
    }

    @Test
    void whenRingGroupsDeleted_thenTheirTreesDeletedAndOneApplyRequested() {
        notifier.deleted(List.of("600", "601"), IssabelRingGroup.deleted(List.of("600", "601")), true);

        assertEquals(List.of(new AstDbChanges.Op("RINGGROUP", "600", null),
                new AstDbChanges.Op("RINGGROUP", "601", null)), pbx.pushed);
        assertEquals(List.of("ring groups: 600,601"), pbx.applies);
    }

    @Test
    void whenImported_thenEveryRowsKeysPushedAndOneApplyNamingTheCount() {
        AstDbChanges keys = IssabelRingGroup.callerId(IssabelRingGroup.withDefaults(
                new RingGroupChange("601", Map.of(), Map.of())));
        keys.put("RINGGROUP", "600/fixedcid", "5551234");
        notifier.imported(2, keys, true);

        assertEquals(3, pbx.pushed.size());
        assertEquals(List.of("ring groups: 2 imported"), pbx.applies);
    }

    @Test
    void whenManyDeleted_thenTheApplyReasonCountsThem() {
        List<String> many = List.of("600", "601", "602", "603", "604", "605");

        notifier.deleted(many, IssabelRingGroup.deleted(many), true);

        assertEquals(List.of("ring groups: 6"), pbx.applies);
    }
}
