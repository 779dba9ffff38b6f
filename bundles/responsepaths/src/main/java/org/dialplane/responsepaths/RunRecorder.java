package org.dialplane.responsepaths;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the runs of response paths from AMI. Core delivers events on a thread of this listener's own; the
 * listener only picks the events of the contract and hands them to a single writer thread with a bounded queue
 * ({@code queue_capacity}), so the database never holds up AMI and steps are written in the order they happened.
 * When the queue is full the event is dropped, counted and logged (a warning for the first and every 1,000th):
 * that run then misses a step, nothing else does. Runs are kept {@code retention_days} and purged, with their voice
 * files, every {@code purge_interval_minutes}. Configuration {@code org.dialplane.responsepaths}.
 */
@Component(immediate = true, service = {}, configurationPid = RunRecorder.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RunRecorder.Config.class)
public class RunRecorder {
    static final String PID = "org.dialplane.responsepaths";
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    /**
     * How long a call is followed: the open runs looked up at start, and how long a call whose Hangup never came
     * (AMI was down) is remembered before the purge forgets it.
     */
    private static final Duration FOLLOWED = Duration.ofDays(1);
    private static final int PURGE_BATCH = 1000;

    @ObjectClassDefinition(name = "Dialplane response path runs")
    public @interface Config {
        @AttributeDefinition(description = "Days a recorded run (and its voice file) is kept")
        int retention_days() default 90;

        @AttributeDefinition(description = "AMI events waiting to be written before new ones are dropped")
        int queue_capacity() default 10_000;

        @AttributeDefinition(description = "Minutes between purges of expired runs")
        int purge_interval_minutes() default 60;
    }

    private final Runs runs;
    private final BoundedWriter writer;
    private final ScheduledExecutorService purger;
    private final Ami.Subscription subscription;
    /** The calls with a run under way: only their QueueCallerJoin, AgentConnect and Hangup are written. */
    private final Map<String, Instant> followed = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunCompletion completion;

    @Activate
    public RunRecorder(@Reference Ami ami, @Reference Database database, @Reference Tenants tenants,
            @Reference AsteriskPaths asteriskPaths, BundleContext context, Config config) {
        database.migrate(context.getBundle());
        RunRepository repository = new RunRepository(new Jdbc(database.pbx()));
        this.runs = new Runs(repository, tenants, () -> completion, Clock.systemUTC());
        this.writer = new BoundedWriter(config.queue_capacity(), "dialplane-responsepaths-writer");
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dialplane-responsepaths-purge");
            thread.setDaemon(true);
            return thread;
        });
        try {
            repository.openUniqueIds(Instant.now().minus(FOLLOWED)).forEach(id -> followed.put(id, Instant.now()));
        } catch (RuntimeException e) {
            LOG.warn("Response paths: the open runs could not be read at start ({}); calls under way now may miss"
                    + " their last steps", e.toString());
        }
        Duration retention = Duration.ofDays(Math.max(1, config.retention_days()));
        long interval = Math.max(1, config.purge_interval_minutes());
        purger.scheduleWithFixedDelay(() -> {
            Instant forgotten = Instant.now().minus(FOLLOWED);
            followed.values().removeIf(since -> since.isBefore(forgotten));
            purge(repository, asteriskPaths, retention);
        }, 0, interval, TimeUnit.MINUTES);
        this.subscription = ami.subscribe(this::onEvent);
        LOG.info("Response paths: recording runs, kept {} days (purged every {} min), at most {} events waiting",
                retention.toDays(), interval, config.queue_capacity());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        subscription.close();
        purger.shutdownNow();
        int unwritten = writer.close(Duration.ofSeconds(5));
        if (unwritten > 0) {
            LOG.warn("Response paths: {} AMI events not written at stop", unwritten);
        }
    }

    /** On core's delivery thread for this listener: pick, then queue; never the database. */
    private void onEvent(AmiEvent event) {
        boolean pathEvent = Observed.isPathEvent(event);
        if (!pathEvent && !(Observed.isCallEvent(event) && followed.containsKey(String.valueOf(event.get("Uniqueid"))))) {
            return;
        }
        Observed observed = Observed.from(event).orElse(null);
        if (observed == null) {
            return;
        }
        if (pathEvent) {
            followed.putIfAbsent(observed.uniqueId(), Instant.now());
        } else if (event.is("Hangup")) {
            followed.remove(observed.uniqueId());
        }
        if (!writer.offer(() -> write(observed))) {
            long count = writer.refused();
            if (count == 1 || count % 1000 == 0) {
                LOG.warn("Response paths: the run writer is {} events behind; {} events dropped so far (this one: {}"
                        + " of {})", writer.waiting(), count, observed.type(), observed.uniqueId());
            }
        }
    }

    private void write(Observed observed) {
        try {
            runs.record(observed);
        } catch (RuntimeException e) {
            LOG.warn("Response paths: the {} step of call {} was not recorded: {}", observed.type(),
                    observed.uniqueId(), e.toString());
        }
    }

    private static void purge(RunRepository repository, AsteriskPaths asteriskPaths, Duration retention) {
        try {
            Instant before = Instant.now().minus(retention);
            int total = 0;
            RunRepository.Purged purged;
            do {
                purged = repository.purge(before, PURGE_BATCH);
                total += purged.runs();
                purged.voiceFiles().forEach((pathId, files) -> VoiceFiles.delete(
                        ResponsePathNotifier.voiceRoot(asteriskPaths), pathId, files));
            } while (purged.runs() == PURGE_BATCH);
            if (total > 0) {
                LOG.info("Response paths: {} runs older than {} days purged", total, retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Response paths: the purge of expired runs failed: {}", e.toString());
        }
    }

}
