package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventsResourceTest {

    @Test
    void whenTypesParameterParsed_thenACommaSeparatedListInItsOrder() {
        assertNull(EventsResource.types(null));
        assertNull(EventsResource.types(" "));
        assertEquals(List.of("call.started", "agent.paused"),
                List.copyOf(EventsResource.types("call.started, agent.paused")));
    }
}
