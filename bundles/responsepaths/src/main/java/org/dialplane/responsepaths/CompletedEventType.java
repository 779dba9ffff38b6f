package org.dialplane.responsepaths;

import java.util.Set;

import org.dialplane.events.api.EventSource;
import org.osgi.service.component.annotations.Component;

/**
 * Declares {@value CompletedEvents#COMPLETED} to the events bundle. It references nothing: the event service binds
 * its sources while it starts, so a source that needed the event service would make a cycle (DS then drops it).
 * Without the events bundle nobody asks for it, and its class, whose interface is an optional import, is never
 * loaded.
 */
@Component(service = EventSource.class)
public class CompletedEventType implements EventSource {

    @Override
    public Set<String> types() {
        return Set.of(CompletedEvents.COMPLETED);
    }
}
