package org.dialplane.agents;

import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;

/** The validation of {@code POST /pbxapi/agents/{extension}/pause|unpause}: checked before anything reaches AMI. */
final class AgentFields {
    /** IssabelPBX queues are numbered like extensions. */
    static final Pattern QUEUE = Pattern.compile("[0-9]{1,20}");
    static final int MAX_REASON_LENGTH = 80;

    /** The body of a pause or unpause; the OpenAPI schema {@code Pause}. */
    static final FieldSet FIELDS = FieldSet.builder()
            .field("queue", null, FieldSpec.text().matches(QUEUE, "a queue number (digits)")
                    .description("the queue; every queue the extension is a member of when not sent"))
            .field("reason", null, FieldSpec.text().maxLength(MAX_REASON_LENGTH)
                    .description("MiRTA's pausereason: one line without control characters"))
            .build();

    private AgentFields() {
    }

    static PauseRequest validate(JsonBody body) {
        Validation v = FIELDS.validation(body, false);
        String queue = v.value("queue");
        String reason = v.value("reason");
        if (reason != null && reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            v.error("reason", "must be one line without control characters");
        }
        v.check();
        return new PauseRequest(queue, reason == null || reason.isEmpty() ? null : reason);
    }
}
