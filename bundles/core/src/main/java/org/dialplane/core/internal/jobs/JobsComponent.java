package org.dialplane.core.internal.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.jobs.Job;
import org.dialplane.core.jobs.JobListener;
import org.dialplane.core.jobs.JobProgress;
import org.dialplane.core.jobs.Jobs;
import org.dialplane.core.jobs.RowError;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of this instance, in memory: one thread runs them in the order started (imports write under the
 * numbering lock, so two at once would only queue there); an ended job is kept {@code keep.seconds} (an hour),
 * then forgotten at the next start or look-up. A restart forgets every job, as a restart ends the ones running.
 */
@Component(service = Jobs.class)
public class JobsComponent implements Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(JobsComponent.class);

    @interface Config {
        long keep_seconds() default 3600;
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dialplane-jobs");
        thread.setDaemon(true);
        return thread;
    });
    /** Side effects after a job (AstDB pushed key by key) on their own thread: the next job need not wait. */
    private final ExecutorService effects = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dialplane-jobs-effects");
        thread.setDaemon(true);
        return thread;
    });
    private final long keepNanos;
    private final Map<String, Long> endedAt = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<JobListener> listeners = List.of();

    @Activate
    public JobsComponent(Config config) {
        this.keepNanos = TimeUnit.SECONDS.toNanos(config.keep_seconds());
    }

    @Deactivate
    void stop() {
        runner.shutdownNow();
        effects.shutdown();
    }

    @Override
    public Job start(String kind, Caller caller, int total, Work work) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, kind, caller.tenantId(), Job.RUNNING, total, 0, 0, 0, List.of(), null,
                Instant.now().toString(), null);
        jobs.put(id, job);
        tell(job);
        runner.execute(() -> run(id, work));
        return job;
    }

    @Override
    public Optional<Job> find(String id, Caller caller) {
        forgetOld();
        return Optional.ofNullable(jobs.get(id)).filter(job -> caller.sees(job.tenantId()));
    }

    private void run(String id, Work work) {
        Progress progress = new Progress(id);
        String state = Job.DONE;
        String detail = null;
        Runnable afterwards = null;
        try {
            afterwards = work.run(progress);
        } catch (ApiException e) {
            state = Job.FAILED;
            detail = e.problem().detail();
        } catch (Exception e) {
            LOG.error("Job {} ({}) failed", id, jobs.get(id).kind(), e);
            state = Job.FAILED;
            detail = "the job failed on the server; nothing was written (see the log, job " + id + ")";
        }
        Job ended = progress.update(state, detail);
        endedAt.put(id, System.nanoTime());
        tell(ended);
        if (afterwards != null) {
            Runnable effect = afterwards;
            effects.execute(() -> {
                try {
                    effect.run();
                } catch (RuntimeException e) {
                    LOG.error("After job {} ended, its side effects failed", id, e);
                }
            });
        }
    }

    private void forgetOld() {
        long now = System.nanoTime();
        endedAt.entrySet().removeIf(ended -> {
            boolean old = now - ended.getValue() > keepNanos;
            if (old) {
                jobs.remove(ended.getKey());
            }
            return old;
        });
    }

    private void tell(Job job) {
        for (JobListener listener : listeners) {
            try {
                listener.changed(job);
            } catch (RuntimeException e) {
                LOG.warn("A job listener failed on job {}: {}", job.id(), e.toString());
            }
        }
    }

    /** The running job's counts, published as a new snapshot at each report. */
    private final class Progress implements JobProgress {
        private final String id;
        private final List<RowError> errors = new ArrayList<>();
        private int done;
        private int created;
        private int updated;

        Progress(String id) {
            this.id = id;
        }

        @Override
        public void advanced(int rowsDone, int rowsCreated, int rowsUpdated) {
            this.done = rowsDone;
            this.created = rowsCreated;
            this.updated = rowsUpdated;
            tell(update(Job.RUNNING, null));
        }

        @Override
        public void rowFailed(RowError error) {
            errors.add(error);
        }

        Job update(String state, String detail) {
            Job before = jobs.get(id);
            Job after = new Job(id, before.kind(), before.tenantId(), state, before.total(), done, created, updated,
                    errors, detail, before.started(), Job.RUNNING.equals(state) ? null : Instant.now().toString());
            jobs.put(id, after);
            return after;
        }
    }
}
