package org.dialplane.ringgroups;

import java.util.ArrayList;
import java.util.List;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.jobs.Job;
import org.dialplane.core.jobs.Jobs;
import org.dialplane.core.jobs.RowError;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk imports of ring groups, as the extensions bundle does them: every row checked first
 * ({@link RingGroupImportPlan}); then one job writes them all in one transaction under the numbering lock
 * ({@link RingGroupBatch}), checking them again there against what changed meanwhile, and after the commit pushes
 * the AstDB keys and requests one apply ({@link RingGroupNotifier}). Without {@code partial} a bad row writes
 * nothing (a 422 before the job, or a failed job when the database changed in between); with it the good rows are
 * written and the bad ones listed in the job. Public only because DS instantiates it; its package is not exported.
 */
@Component(service = RingGroupImports.class)
public class RingGroupImports {
    static final String KIND = "ringgroups.import";
    private static final Logger LOG = LoggerFactory.getLogger(RingGroupImports.class);

    private final Jdbc db;
    private final AstDb astDb;
    private final Jobs jobs;
    private final RingGroupNotifier notifier;
    private final NumberIndex index = RingGroupRepository.newIndex();
    /** Present while the custom destinations bundle is: a tenant's external-number members need it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomMembers customMembers;

    @Activate
    public RingGroupImports(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, @Reference Jobs jobs) {
        this.db = new Jdbc(database.pbx());
        this.astDb = astDb;
        this.jobs = jobs;
        this.notifier = new RingGroupNotifier(new AfterCommit(astDb, applyChanges));
    }

    /**
     * Checks every row and starts the job.
     *
     * @param rowName how a row is named in a 422: {@code line} (CSV) or {@code item} (JSON)
     * @throws ApiException 403 for a read-only caller, 422 naming every bad row (without {@code partial}), 503
     *         when a tenant's row lists an external number while the custom destinations bundle is away
     */
    Job start(List<ImportRows.Row> rows, String rowName, boolean partial, boolean apply, Caller caller) {
        caller.requireWriter();
        List<RowError> errors = new ArrayList<>();
        List<RingGroupImportPlan.Planned> checked = RingGroupImportPlan.checked(rows, rowName, errors);
        CustomMembers customs = customMembers;
        List<RingGroupImportPlan.Planned> writable = db.run(connection -> RingGroupImportPlan.against(connection,
                checked, caller, customs, errors));
        if (!errors.isEmpty() && !partial) {
            throw ImportRows.invalid(errors, rowName, rows.size());
        }
        int bad = rows.size() - writable.size();
        return jobs.start(KIND, caller, rows.size(), progress -> {
            errors.forEach(progress::rowFailed);
            progress.advanced(bad, 0, 0);
            List<RowError> late = new ArrayList<>();
            long started = System.nanoTime();
            RingGroupBatch.Written written = db.lockedTransaction(Numbering.LOCK, connection -> {
                List<RingGroupImportPlan.Planned> now = RingGroupImportPlan.against(connection, writable, caller,
                        customMembers, late);
                late.forEach(progress::rowFailed);
                if (!late.isEmpty() && !partial) {
                    throw ImportRows.changedMeanwhile(late.size());
                }
                int skipped = bad + late.size();
                return RingGroupBatch.write(connection, now, caller, astDb, index,
                        (created, updated) -> progress.advanced(skipped + created + updated, created, updated));
            });
            LOG.info("Imported {} ring groups ({} created, {} updated) in one transaction of {} ms", rows.size(),
                    written.created().size(), written.updated().size(), (System.nanoTime() - started) / 1_000_000);
            return () -> notifier.imported(rows.size(), written.astdb(), apply);
        });
    }
}
