package org.dialplane.core.jobs;

import org.osgi.annotation.versioning.ProviderType;

/** What a running job's work reports as it goes; each call updates the job and tells the listeners. */
@ProviderType
public interface JobProgress {
    /**
     * The rows handled so far, in total, and how many of them created or updated an object.
     */
    void advanced(int done, int created, int updated);

    /** A row that was not written (a job with {@code partial=1} goes on with the others). */
    void rowFailed(RowError error);
}
