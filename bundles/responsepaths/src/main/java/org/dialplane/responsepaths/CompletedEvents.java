package org.dialplane.responsepaths;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.events.api.EventService;
import org.dialplane.responsepaths.api.Run;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@value #COMPLETED} on the event stream when a run ends, to the path's tenant and global callers. In a
 * component of its own so that this bundle runs without the events bundle (an optional import): it is satisfied
 * only while {@link EventService} is there. The type is declared by {@link CompletedEventType}, apart: the event
 * service binds every EventSource as it starts, and one that needed the event service back would be a cycle.
 */
@Component(service = RunCompletion.class)
public class CompletedEvents implements RunCompletion {
    static final String COMPLETED = "response_path.completed";

    private final EventService events;

    @Activate
    public CompletedEvents(@Reference EventService events) {
        this.events = events;
    }

    @Override
    public void completed(Run run, long tenantId, String pathName) {
        events.publish(COMPLETED, tenantId, data(run, pathName));
    }

    /** The run's summary: the path, the call, who answered, what the caller entered, the voice file. */
    static Map<String, Object> data(Run run, String pathName) {
        Map<String, Object> all = run.asMap();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path_id", run.pathId());
        data.put("path_name", pathName);
        data.put("run_id", run.id());
        for (String field : new String[] {"uniqueid", "started", "ended", "caller", "queue", "agent", "variables",
                "voicefile"}) {
            data.put(field, all.get(field));
        }
        return data;
    }
}
