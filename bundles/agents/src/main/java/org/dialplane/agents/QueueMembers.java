package org.dialplane.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.pbx.Channels;

/**
 * The queues of a {@code QueueStatus} event list as the API shows them, and which of them a tenant sees.
 * <p>
 * The tenant rule: a tenant sees a queue when one of its extensions is a member of it, and in that queue only
 * its own members (another tenant's agents stay hidden). A global caller sees every queue and every member.
 * A member is an extension when its interface names it: {@code SIP/402}, {@code PJSIP/402},
 * {@code Local/402@from-queue/n} (IssabelPBX's own members) or a state interface {@code hint:402@ext-local}.
 */
final class QueueMembers {
    /** Asterisk's device states, the numbers QueueMember's {@code Status} carries. */
    private static final List<String> STATES = List.of("unknown", "not in use", "in use", "busy", "invalid",
            "unavailable", "ringing", "ring in use", "on hold");

    private QueueMembers() {
    }

    /** The queues (QueueParams) with their members (QueueMember), {@code extensions} null meaning all of them. */
    static List<Map<String, Object>> toJson(List<AmiEvent> events, Set<String> extensions) {
        Map<String, Map<String, Object>> queues = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> members = new LinkedHashMap<>();
        for (AmiEvent event : events) {
            String queue = event.get("Queue");
            if (queue == null) {
                continue;
            }
            if (event.is("QueueParams")) {
                queues.put(queue, queue(event));
            } else if (event.is("QueueMember") && visible(event, extensions)) {
                members.computeIfAbsent(queue, name -> new ArrayList<>()).add(member(event));
            }
        }
        List<Map<String, Object>> visible = new ArrayList<>();
        queues.forEach((name, queue) -> {
            List<Map<String, Object>> own = members.getOrDefault(name, List.of());
            if (extensions == null || !own.isEmpty()) {
                queue.put("members", own);
                visible.add(queue);
            }
        });
        return visible;
    }

    /**
     * The memberships of {@code extension} in a QueueStatus event list, in {@code queue} only when given, each
     * once, with the member's interface ({@code Location}): the name QueuePause matches members by.
     */
    static List<Membership> membershipsOf(List<AmiEvent> events, String extension, String queue) {
        Set<Membership> found = new LinkedHashSet<>();
        for (AmiEvent event : events) {
            String name = event.get("Queue");
            String iface = event.get("Location");
            if (event.is("QueueMember") && name != null && iface != null && !iface.isBlank()
                    && (queue == null || queue.equals(name)) && extension.equals(extensionOf(event))) {
                found.add(new Membership(name, iface));
            }
        }
        return List.copyOf(found);
    }

    private static Map<String, Object> queue(AmiEvent params) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("queue", params.get("Queue"));
        queue.put("strategy", params.get("Strategy"));
        queue.put("calls", number(params.get("Calls")));
        queue.put("completed", number(params.get("Completed")));
        queue.put("abandoned", number(params.get("Abandoned")));
        queue.put("holdtime", number(params.get("Holdtime")));
        queue.put("talktime", number(params.get("TalkTime")));
        return queue;
    }

    private static Map<String, Object> member(AmiEvent event) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", event.get("Name"));
        member.put("interface", event.get("Location"));
        member.put("extension", extensionOf(event));
        member.put("paused", "1".equals(event.get("Paused")) || "true".equalsIgnoreCase(event.get("Paused")));
        String reason = event.get("PausedReason");
        member.put("reason", reason == null || reason.isEmpty() ? null : reason);
        member.put("status", status(event.get("Status")));
        member.put("calls_taken", number(event.get("CallsTaken")));
        member.put("membership", event.get("Membership"));
        member.put("penalty", number(event.get("Penalty")));
        return member;
    }

    private static boolean visible(AmiEvent member, Set<String> extensions) {
        return extensions == null || extensions.contains(extensionOf(member));
    }

    /** The extension a member stands for: from its interface, else from its state interface. */
    static String extensionOf(AmiEvent member) {
        String extension = Channels.extensionOf(member.get("Location"));
        return extension != null ? extension : Channels.extensionOf(member.get("StateInterface"));
    }

    private static String status(String code) {
        Long state = number(code);
        return state == null || state < 0 || state >= STATES.size() ? code : STATES.get(state.intValue());
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
