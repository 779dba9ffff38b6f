package org.dialplane.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class QueueMembersTest {
    @Test
    void whenTenantListsQueues_thenItSeesQueuesWithItsMembersAndOnlyThem() {
        List<AmiEvent> events = List.of(params("281"), member("281", "SIP/402", "1", "Breakfast"),
                member("281", "SIP/500", "0", ""), params("282"), member("282", "SIP/500", "0", ""));

        List<Map<String, Object>> queues = QueueMembers.toJson(events, Set.of("402"));

        assertEquals(1, queues.size());
        assertEquals("281", queues.get(0).get("queue"));
        List<?> members = (List<?>) queues.get(0).get("members");
        assertEquals(1, members.size());
        Map<?, ?> member = (Map<?, ?>) members.get(0);
        assertEquals("402", member.get("extension"));
        assertEquals(true, member.get("paused"));
        assertEquals("Breakfast", member.get("reason"));
        assertEquals("not in use", member.get("status"));
        assertEquals(2, QueueMembers.toJson(events, null).size());
    }

    @Test
    void whenMembershipsOfAnExtensionListed_thenEachUsesTheMembersOwnInterface() {
        List<AmiEvent> events = List.of(params("281"), member("281", "Local/402@from-queue/n", "0", ""),
                member("281", "SIP/4021", "0", ""), params("282"), member("282", "PJSIP/402", "0", ""),
                member("282", "PJSIP/402", "0", ""), member("283", "Local/500@from-queue/n", "0", ""));

        assertEquals(List.of(new Membership("281", "Local/402@from-queue/n"), new Membership("282", "PJSIP/402")),
                QueueMembers.membershipsOf(events, "402", null));
        assertEquals(List.of(new Membership("282", "PJSIP/402")), QueueMembers.membershipsOf(events, "402", "282"));
        assertEquals(List.of(), QueueMembers.membershipsOf(events, "402", "283"));
        assertEquals(List.of(), QueueMembers.membershipsOf(events, "403", null));
    }

    private static AmiEvent params(String queue) {
        return new AmiEvent("QueueParams", Map.of("Queue", queue, "Strategy", "ringall", "Calls", "0"));
    }

    private static AmiEvent member(String queue, String iface, String paused, String reason) {
        return new AmiEvent("QueueMember", Map.of("Queue", queue, "Location", iface, "Name", iface,
                "Paused", paused, "PausedReason", reason, "Status", "1", "CallsTaken", "3"));
    }
}
