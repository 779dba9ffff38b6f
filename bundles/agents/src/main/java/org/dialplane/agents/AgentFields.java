package org.dialplane.agents;

import java.util.regex.Pattern;

import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;

/** The validation of {@code POST /pbxapi/agents/{extension}/pause|unpause}: checked before anything reaches AMI. */
final class AgentFields {
    /** IssabelPBX queues are numbered like extensions. */
    static final Pattern QUEUE = Pattern.compile("[0-9]{1,20}");
    static final int MAX_REASON_LENGTH = 80;

    private AgentFields() {
    }

    static PauseRequest validate(JsonBody body) {
        Validation v = Validation.of(body);
        String queue = v.text("queue").matches(QUEUE, "a queue number (digits)").value();
        String reason = v.text("reason").maxLength(MAX_REASON_LENGTH).value();
        if (reason != null && reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            v.error("reason", "must be one line without control characters");
        }
        v.check();
        return new PauseRequest(queue, reason == null || reason.isEmpty() ? null : reason);
    }
}
