package org.dialplane.core.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A job as {@code GET /pbxapi/jobs/{id}} shows it, at one moment.
 *
 * @param id       unguessable; a caller sees only its own tenant's jobs
 * @param kind     what the job does, e.g. {@code extensions.import}
 * @param tenantId the tenant of the caller that started it (not shown)
 * @param state    {@value #RUNNING}, {@value #DONE} or {@value #FAILED}
 * @param total    the rows to write
 * @param done     the rows handled so far
 * @param created  the rows that created an object
 * @param updated  the rows that updated one
 * @param errors   the rows not written and why (with {@code partial=1}, or the ones that failed the job)
 * @param detail   why the job failed, or null
 * @param started  when it started, ISO-8601 UTC
 * @param finished when it ended, or null while it runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(String id, String kind, @JsonIgnore long tenantId, String state, int total, int done, int created,
        int updated, List<RowError> errors, String detail, String started, String finished) {
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public Job {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Whether the job has ended, done or failed. */
    @JsonIgnore
    public boolean ended() {
        return !RUNNING.equals(state);
    }
}
