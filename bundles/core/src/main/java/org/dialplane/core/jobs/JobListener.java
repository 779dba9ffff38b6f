package org.dialplane.core.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service (a whiteboard) by a bundle that wants to hear of jobs: it is told when each starts,
 * advances and ends, on the job's thread, so it must return quickly. An exception it throws is logged and ignored.
 */
@ConsumerType
public interface JobListener {
    void changed(Job job);
}
