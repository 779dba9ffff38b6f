package org.dialplane.events;

import java.util.Set;

import org.dialplane.events.api.EventSource;
import org.osgi.service.component.annotations.Component;

/**
 * Declares {@value JobEvents#PROGRESS} to the event service. Apart from {@link JobEvents} and referencing nothing:
 * the event service binds its sources as it starts, so a source that needed it back would be a cycle.
 */
@Component(service = EventSource.class)
public class JobEventType implements EventSource {

    @Override
    public Set<String> types() {
        return Set.of(JobEvents.PROGRESS);
    }
}
