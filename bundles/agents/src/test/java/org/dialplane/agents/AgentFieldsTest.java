package org.dialplane.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.junit.jupiter.api.Test;

class AgentFieldsTest {
    @Test
    void whenQueueAndReasonOmittedOrGiven_thenBothAccepted() {
        PauseRequest request = AgentFields.validate(null);
        assertNull(request.queue());
        assertNull(request.reason());
        assertEquals(new PauseRequest("281", "Breakfast"),
                AgentFields.validate(JsonBody.of(Map.of("queue", "281", "reason", "Breakfast"))));
    }

    @Test
    void whenQueueOrReasonBad_thenRefused() {
        assertThrows(ApiException.class, () -> AgentFields.validate(JsonBody.of(Map.of("queue", "28a"))));
        assertThrows(ApiException.class, () -> AgentFields.validate(JsonBody.of(Map.of("reason", "a\r\nb"))));
        assertThrows(ApiException.class, () -> AgentFields.validate(JsonBody.of(Map.of("reason", "x".repeat(81)))));
    }
}
