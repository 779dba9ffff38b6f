package org.dialplane.responsepaths;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.core.ami.AmiEvent;
import org.dialplane.responsepaths.api.ResponsePathService;
import org.dialplane.responsepaths.api.Step;

/**
 * What an AMI event says about a run, by the recording contract: a {@code UserEvent} {@code ResponsePath} (its
 * {@code Path}, {@code Step}, {@code TypeId}, {@code Value}), {@code QueueCallerJoin} (QUEUE, its queue),
 * {@code AgentConnect} (ANSWER, its member's extension) or {@code Hangup} (HANGUP), each for the channel whose
 * {@code Uniqueid} it carries.
 *
 * @param uniqueId the caller's channel
 * @param pathId   the path, for a {@code ResponsePath} user event; null for the others (they apply to the call's
 *                 open runs)
 * @param type     the step's type
 * @param typeId   its type id ({@code 0} when none)
 * @param value    its value ({@code ""} when none); for ANSWER the agent's extension (the tenant code is added
 *                 when recording)
 * @param name     a name the event gives with it (the agent's member name), or {@code ""}
 */
record Observed(String uniqueId, Long pathId, String type, String typeId, String value, String name) {
    static final String USER_EVENT = "ResponsePath";
    private static final Pattern PATH = Pattern.compile("[0-9]{1,9}");
    /** SIP/104, PJSIP/104, IAX2/104, Local/104@from-queue/n, Agent/104, hint:104@ext-local: the extension. */
    private static final Pattern MEMBER = Pattern.compile("(?:[A-Za-z0-9]+[/:])?([0-9*#+]{1,20})(?:[@/;-].*)?");

    /** Whether the event is a step of the contract that names its path (a run may start with it). */
    static boolean isPathEvent(AmiEvent event) {
        return event.is("UserEvent") && USER_EVENT.equalsIgnoreCase(event.get("UserEvent"));
    }

    /** Whether the event could be a step of a call's open run: QueueCallerJoin, AgentConnect, Hangup. */
    static boolean isCallEvent(AmiEvent event) {
        return event.is("QueueCallerJoin") || event.is("Join") || event.is("AgentConnect") || event.is("Hangup");
    }

    static Optional<Observed> from(AmiEvent event) {
        String uniqueId = event.get("Uniqueid");
        if (uniqueId == null || uniqueId.isBlank()) {
            return Optional.empty();
        }
        if (isPathEvent(event)) {
            String path = trim(event.get("Path"));
            String step = trim(event.get("Step")).toUpperCase(Locale.ROOT);
            if (!PATH.matcher(path).matches() || !ResponsePathService.FILTERS.contains(step)) {
                return Optional.empty();
            }
            String typeId = trim(event.get("TypeId"));
            return Optional.of(new Observed(uniqueId, Long.parseLong(path), step, typeId.isEmpty() ? "0" : typeId,
                    trim(event.get("Value")), ""));
        }
        // QueueCallerJoin since Asterisk 12, Join before.
        if (event.is("QueueCallerJoin") || event.is("Join")) {
            String queue = trim(event.get("Queue"));
            return queue.isEmpty() ? Optional.empty()
                    : Optional.of(new Observed(uniqueId, null, Step.QUEUE, queue, "", ""));
        }
        if (event.is("AgentConnect")) {
            String member = first(event.get("Interface"), event.get("Member"), event.get("Channel"));
            Matcher matcher = MEMBER.matcher(member);
            String extension = matcher.matches() ? matcher.group(1) : member;
            return Optional.of(new Observed(uniqueId, null, Step.ANSWER, "0", extension,
                    trim(event.get("MemberName"))));
        }
        if (event.is("Hangup")) {
            return Optional.of(new Observed(uniqueId, null, Step.HANGUP, "0", "", ""));
        }
        return Optional.empty();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "";
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
