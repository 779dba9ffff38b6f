package org.dialplane.calls;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about one originated call: set when Asterisk accepted it, completed by its OriginateResponse
 * and channel events. Mutated only by {@link CallTracker} under its lock; read through {@link #toJson()}.
 */
final class TrackedCall {
    static final String QUEUED = "queued";
    static final String ANSWERED = "answered";
    static final String BUSY = "busy";
    static final String NO_ANSWER = "no answer";
    static final String FAILED = "failed";

    final String id;
    final long tenantId;
    final String source;
    final String dest;
    final Instant created;
    String status = QUEUED;
    String reason;
    String channel;
    String uniqueid;
    Instant answered;
    Instant ended;
    String hangupCause;
    String hangupCauseText;

    TrackedCall(String id, long tenantId, String source, String dest, Instant created) {
        this.id = id;
        this.tenantId = tenantId;
        this.source = source;
        this.dest = dest;
        this.created = created;
    }

    /**
     * The outcome of an OriginateResponse. Its Reason is the last control frame the source channel saw
     * (Asterisk's {@code ast_control_frame_type}): 4 answer, 5 busy, 3 ringing and 1 hangup (nobody answered),
     * 8 congestion and 0 (no such channel or number) are failures.
     */
    static String outcome(String response, String reason) {
        if ("Success".equalsIgnoreCase(response)) {
            return ANSWERED;
        }
        return switch (reason == null ? "" : reason.trim()) {
            case "5" -> BUSY;
            case "1", "3" -> NO_ANSWER;
            default -> FAILED;
        };
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("source", source);
        json.put("dest", dest);
        json.put("status", status);
        json.put("reason", reason);
        json.put("channel", channel);
        json.put("uniqueid", uniqueid);
        json.put("created", created.toString());
        json.put("answered", answered == null ? null : answered.toString());
        json.put("ended", ended == null ? null : ended.toString());
        json.put("hangup_cause", hangupCause);
        json.put("hangup_cause_text", hangupCauseText);
        return json;
    }
}
