package org.dialplane.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.pbx.Channels;

/**
 * What the stream says about the PBX, made from AMI events and applies. Only these become events; everything
 * else AMI says stays inside. Field names follow the rest of the API ({@code callerid_num}, {@code uniqueid}).
 * An originated call's source channel has the call id of {@code POST /pbxapi/calls} as its {@code uniqueid}.
 */
final class PbxEvents {
    static final String CALL_STARTED = "call.started";
    static final String CALL_ANSWERED = "call.answered";
    static final String CALL_HANGUP = "call.hangup";
    static final String AGENT_PAUSED = "agent.paused";
    static final String AGENT_UNPAUSED = "agent.unpaused";
    static final String CONFIG_APPLIED = "config.applied";
    static final String VOICEMAIL_NEW = "voicemail.new";
    static final String VOICEMAIL_CHANGED = "voicemail.changed";
    /** In the order they are documented. */
    static final Set<String> TYPES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(CALL_STARTED,
            CALL_ANSWERED, CALL_HANGUP, AGENT_PAUSED, AGENT_UNPAUSED, CONFIG_APPLIED, VOICEMAIL_NEW,
            VOICEMAIL_CHANGED)));

    /** Asterisk's {@code AST_STATE_UP}: the channel was answered. */
    private static final String STATE_UP = "6";

    private PbxEvents() {
    }

    /** An event before it has its id and its JSON; {@code data} may still change. */
    record Draft(String type, Instant time, Map<String, Object> data, Set<String> concerns) {
    }

    /** The stream's event for an AMI event, if it is one the stream tells. */
    static Optional<Draft> from(AmiEvent event, Instant time) {
        if (event.is("Newchannel")) {
            return Optional.of(call(CALL_STARTED, event, time));
        }
        if (event.is("Newstate") && STATE_UP.equals(event.get("ChannelState"))) {
            return Optional.of(call(CALL_ANSWERED, event, time));
        }
        if (event.is("Hangup")) {
            Draft hangup = call(CALL_HANGUP, event, time);
            hangup.data().put("cause", event.get("Cause"));
            hangup.data().put("cause_text", event.get("Cause-txt") != null ? event.get("Cause-txt")
                    : event.get("CauseTxt"));
            return Optional.of(hangup);
        }
        // QueueMemberPause since Asterisk 12; QueueMemberPaused before (IssabelPBX ships both generations).
        if (event.is("QueueMemberPause") || event.is("QueueMemberPaused")) {
            return Optional.of(agent(event, time));
        }
        return Optional.empty();
    }

    /** Every caller hears of an apply: a tenant's writes are applied by it too. */
    static Draft applied(ApplyStatus status, Instant time) {
        Map<String, Object> data = data(CONFIG_APPLIED, time);
        data.put("result", status.lastResult());
        data.put("method", status.method());
        data.put("error", status.lastError());
        data.put("runs", status.runs());
        return new Draft(CONFIG_APPLIED, time, data, null);
    }

    private static Draft call(String type, AmiEvent event, Instant time) {
        Map<String, Object> data = data(type, time);
        data.put("channel", event.get("Channel"));
        data.put("uniqueid", event.get("Uniqueid"));
        data.put("linkedid", event.get("Linkedid"));
        data.put("state", event.get("ChannelStateDesc"));
        data.put("callerid_num", event.get("CallerIDNum"));
        data.put("callerid_name", event.get("CallerIDName"));
        data.put("connected_num", event.get("ConnectedLineNum"));
        data.put("connected_name", event.get("ConnectedLineName"));
        data.put("accountcode", event.get("AccountCode"));
        data.put("context", event.get("Context"));
        data.put("exten", event.get("Exten"));
        return new Draft(type, time, data, Channels.extensionsOf(event));
    }

    private static Draft agent(AmiEvent event, Instant time) {
        boolean paused = "1".equals(event.get("Paused")) || "true".equalsIgnoreCase(event.get("Paused"));
        String type = paused ? AGENT_PAUSED : AGENT_UNPAUSED;
        String iface = event.get("Interface") != null ? event.get("Interface") : event.get("Location");
        String extension = Channels.extensionOf(iface);
        if (extension == null) {
            extension = Channels.extensionOf(event.get("StateInterface"));
        }
        Map<String, Object> data = data(type, time);
        data.put("queue", event.get("Queue"));
        data.put("interface", iface);
        data.put("extension", extension);
        data.put("member_name", event.get("MemberName"));
        String reason = event.get("PausedReason") != null ? event.get("PausedReason") : event.get("Reason");
        data.put("reason", reason == null || reason.isEmpty() ? null : reason);
        return new Draft(type, time, data, extension == null ? Set.of() : Set.of(extension));
    }

    private static Map<String, Object> data(String type, Instant time) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("time", time.toString());
        return data;
    }
}
