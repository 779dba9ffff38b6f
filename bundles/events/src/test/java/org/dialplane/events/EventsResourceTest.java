package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class EventsResourceTest {

    @Test
    void typesAreAListOfKnownTypes() {
        assertNull(EventsResource.types(null));
        assertNull(EventsResource.types(" "));
        assertEquals(Set.of("call.started", "agent.paused"), EventsResource.types("call.started, agent.paused"));
        ApiException unknown = assertThrows(ApiException.class, () -> EventsResource.types("call.started,calls"));
        assertEquals(422, unknown.problem().status());
    }

    @Test
    void aLastEventIdIsANumber() {
        assertNull(EventsResource.lastEventId(null));
        assertEquals(1764151200000001L, EventsResource.lastEventId("1764151200000001"));
        assertEquals(400, assertThrows(ApiException.class, () -> EventsResource.lastEventId("x")).problem()
                .status());
    }
}
