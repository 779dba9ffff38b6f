package org.dialplane.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.jobs.Job;
import org.dialplane.core.jobs.JobListener;
import org.dialplane.events.api.EventService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes core's jobs (bulk imports) on the event stream as {@value #PROGRESS}, to the job's tenant and global
 * callers: when one starts, after each batch of rows, and when it ends. Core hears of this listener through its
 * whiteboard, so core never depends on this bundle.
 */
@Component(service = JobListener.class)
public class JobEvents implements JobListener {
    static final String PROGRESS = "job.progress";

    private final EventService events;

    @Activate
    public JobEvents(@Reference EventService events) {
        this.events = events;
    }

    @Override
    public void changed(Job job) {
        events.publish(PROGRESS, job.tenantId(), data(job));
    }

    /** The job document without its list of errors (that may be long): their count, and where to read them. */
    static Map<String, Object> data(Job job) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job", job.id());
        data.put("kind", job.kind());
        data.put("state", job.state());
        data.put("total", job.total());
        data.put("done", job.done());
        data.put("created", job.created());
        data.put("updated", job.updated());
        data.put("errors", job.errors().size());
        data.put("detail", job.detail());
        data.put("location", "/pbxapi/jobs/" + job.id());
        return data;
    }
}
