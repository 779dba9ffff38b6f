package org.dialplane.core.jobs;

import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs jobs in the background, one at a time in the order started (they write under the numbering lock
 * anyway), and keeps each for an hour after it ends.
 */
@ProviderType
public interface Jobs {

    /**
     * A job's work: returns when every row is handled and committed; throwing fails the job. What it returns (or
     * null) runs once the job shows {@value Job#DONE}, on a thread of its own so the next job need not wait: the side
     * effects after the commit (AstDB pushed to Asterisk, files, the apply), which follow a job's end as they
     * follow a single write's answer.
     */
    @FunctionalInterface
    interface Work {
        Runnable run(JobProgress progress) throws Exception;
    }

    /**
     * Starts a job for the caller's tenant.
     *
     * @param kind  what it does, e.g. {@code extensions.import}
     * @param total the rows it will handle
     * @param work  the writes; an {@link org.dialplane.core.rest.ApiException} it throws fails the job with its
     *              detail and field errors, any other exception with a generic detail (and a log entry)
     * @return the job as it starts (state {@value Job#RUNNING})
     */
    Job start(String kind, Caller caller, int total, Work work);

    /** The job, if it exists (still kept) and belongs to the caller's tenant (a global caller sees every job). */
    Optional<Job> find(String id, Caller caller);
}
