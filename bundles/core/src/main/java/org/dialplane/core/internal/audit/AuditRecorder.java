package org.dialplane.core.internal.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dialplane.core.audit.AuditEntry;
import org.dialplane.core.audit.AuditLog;
import org.dialplane.core.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog}: a bounded queue drained by one thread that inserts in batches, so a request only pays for an
 * {@code offer}. While the database is away the batch waits and is retried; entries beyond the queue are dropped
 * and counted (logged once a minute at most). A second task purges entries older than the retention.
 * <p>
 * Configuration {@code org.dialplane.audit} (DS maps {@code retention_days()} to the key {@code retention.days}):
 * {@code retention.days} (90; 0 keeps everything), {@code purge.interval.minutes} (60), {@code queue.capacity}
 * (10000).
 */
@Component(service = { AuditLog.class, AuditRecorder.class }, immediate = true,
        configurationPid = AuditRecorder.PID)
@Designate(ocd = AuditRecorder.Config.class)
public class AuditRecorder implements AuditLog {
    static final String PID = "org.dialplane.audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
    private static final int BATCH = 200;
    private static final long RETRY_MILLIS = 2000;

    @ObjectClassDefinition(name = "Dialplane audit log")
    public @interface Config {
        @AttributeDefinition(description = "Days an audit entry is kept; 0 keeps entries forever")
        int retention_days() default 90;

        @AttributeDefinition(description = "Minutes between purges of entries older than the retention")
        int purge_interval_minutes() default 60;

        @AttributeDefinition(description = "Entries waiting to be written at most; more are dropped (and logged)")
        int queue_capacity() default 10000;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    private final BlockingQueue<AuditEntry> queue;
    private final Config config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private final ScheduledExecutorService purger;
    private volatile boolean running = true;
    private volatile long lastDropReport;

    @Activate
    public AuditRecorder(Config config) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(Math.max(100, config.queue_capacity()));
        this.writer = new Thread(this::drain, "dialplane-audit-writer");
        writer.setDaemon(true);
        writer.start();
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dialplane-audit-purge");
            thread.setDaemon(true);
            return thread;
        });
        if (config.retention_days() > 0) {
            long every = Math.max(1, config.purge_interval_minutes());
            purger.scheduleWithFixedDelay(this::purge, 1, every * 60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void record(AuditEntry entry) {
        if (entry == null) {
            return;
        }
        if (!queue.offer(entry)) {
            long count = dropped.incrementAndGet();
            long now = System.currentTimeMillis();
            if (now - lastDropReport > 60_000) {
                lastDropReport = now;
                LOG.error("Audit queue full (database away?): {} audit entries dropped so far", count);
            }
        }
    }

    /** Entries written since start (for tests and diagnostics). */
    long written() {
        return written.get();
    }

    private void drain() {
        List<AuditEntry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditEntry first = queue.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                Database current = database;
                if (current == null) {
                    if (!running) {
                        break;
                    }
                    Thread.sleep(RETRY_MILLIS); // the database is starting or away: keep the batch
                    continue;
                }
                new AuditStore(current.pbx()).insert(batch);
                written.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (Exception e) {
                LOG.warn("Could not write {} audit entries, retrying: {}", batch.size(), e.getMessage());
                if (!running) {
                    break;
                }
                sleepQuietly();
            }
        }
        if (!batch.isEmpty() || !queue.isEmpty()) {
            LOG.warn("{} audit entries not written at shutdown", batch.size() + queue.size());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void purge() {
        Database current = database;
        if (current == null || config.retention_days() <= 0) {
            return;
        }
        try {
            long removed = new AuditStore(current.pbx())
                    .purgeBefore(clock.instant().minus(Duration.ofDays(config.retention_days())));
            if (removed > 0) {
                LOG.info("Purged {} audit entries older than {} days", removed, config.retention_days());
            }
        } catch (Exception e) {
            LOG.warn("Could not purge the audit log: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        purger.shutdownNow();
        writer.join(5000); // what is queued is written first, if the database is there
    }
}
