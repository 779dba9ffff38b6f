package org.dialplane.extensions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.asterisk.VoicemailConf;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.jobs.Job;
import org.dialplane.core.jobs.Jobs;
import org.dialplane.core.jobs.RowError;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.rest.ApiException;
import org.dialplane.extensions.api.ExtensionChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk imports of extensions: every row checked first ({@link ImportPlan}); then one job writes them all in one
 * transaction under the numbering lock ({@link ExtensionBatch}), checking them again there against what changed
 * meanwhile, and after the commit pushes the AstDB keys, writes the mailboxes and requests one apply. Without
 * {@code partial} a bad row writes nothing (a 422 before the job, or a failed job when the database changed in
 * between); with it the good rows are written and the bad ones listed in the job.
 */
@Component(service = ExtensionImports.class)
public class ExtensionImports {
    static final String KIND = "extensions.import";
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionImports.class);

    private final Jdbc db;
    private final AstDb astDb;
    private final Jobs jobs;
    private final ExtensionNotifier notifier;
    private final NumberIndex index = ExtensionRepository.newIndex();

    @Activate
    public ExtensionImports(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, @Reference VoicemailConf voicemail, @Reference Jobs jobs) {
        this.db = new Jdbc(database.pbx());
        this.astDb = astDb;
        this.jobs = jobs;
        this.notifier = new ExtensionNotifier(new AfterCommit(astDb, applyChanges), voicemail);
    }

    /**
     * Checks every row and starts the job.
     *
     * @param rowName how a row is named in a 422: {@code line} (CSV) or {@code item} (JSON)
     * @throws ApiException 403 for a read-only caller, 422 naming every bad row (without {@code partial})
     */
    Job start(List<ImportRows.Row> rows, String rowName, boolean partial, boolean apply, Caller caller) {
        caller.requireWriter();
        StepClock checking = new StepClock();
        List<RowError> errors = new ArrayList<>();
        List<ImportPlan.Planned> checked = ImportPlan.checked(rows, rowName, errors);
        checking.lap("validation");
        List<ImportPlan.Planned> writable = db.run(connection -> ImportPlan.against(connection, checked, caller,
                errors));
        checking.lap("checked against the database");
        LOG.info("Import of {} extensions checked before the job: {}", rows.size(), checking);
        if (!errors.isEmpty() && !partial) {
            throw ImportRows.invalid(errors, rowName, rows.size());
        }
        int bad = rows.size() - writable.size();
        return jobs.start(KIND, caller, rows.size(), progress -> {
            errors.forEach(progress::rowFailed);
            progress.advanced(bad, 0, 0);
            List<RowError> late = new ArrayList<>();
            StepClock clock = new StepClock();
            ExtensionBatch.Written written = db.lockedTransaction(Numbering.LOCK, connection -> {
                clock.lap("lock and begin");
                List<ImportPlan.Planned> now = ImportPlan.against(connection, writable, caller, late);
                clock.lap("checked again");
                late.forEach(progress::rowFailed);
                if (!late.isEmpty() && !partial) {
                    throw ImportRows.changedMeanwhile(late.size());
                }
                int skipped = bad + late.size();
                ExtensionBatch.Written result = ExtensionBatch.write(connection, now, caller, astDb, index,
                        (created, updated) -> progress.advanced(skipped + created + updated, created, updated), clock);
                clock.lap("progress and rest");
                return result;
            });
            clock.lap("commit and unlock");
            long transactionMillis = clock.totalMillis();
            List<ExtensionRepository.Saved> mailboxes = mailboxes(written);
            clock.lap("mailboxes read");
            LOG.info("Imported {} extensions ({} created, {} updated) in one transaction of {} ms: {}", rows.size(),
                    written.created().size(), written.updated().size(), transactionMillis, clock);
            return () -> {
                StepClock after = new StepClock();
                notifier.imported(rows.size(), () -> {
                    astDb.pushAll(written.astdb());
                    after.lap("AstDB push queued");
                }, mailboxes, apply);
                after.lap("voicemail.conf and apply request");
                LOG.info("Import of {} extensions: after the commit, {}", rows.size(), after);
            };
        });
    }

    /** The rows whose mailbox follows the write, with the name and setting they now have. */
    private List<ExtensionRepository.Saved> mailboxes(ExtensionBatch.Written written) {
        List<ExtensionRepository.Saved> saved = new ArrayList<>();
        for (ExtensionChange e : written.created()) {
            if ("default".equals(e.voicemail())) {
                saved.add(new ExtensionRepository.Saved(e.extension(), true, null, e.voicemail(), e.name()));
            }
        }
        List<String> touched = written.updated().stream().filter(e -> e.voicemail() != null || e.name() != null)
                .map(ExtensionChange::extension).toList();
        for (int start = 0; start < touched.size(); start += 1000) {
            SqlFragment sql = SqlFragment.of("SELECT extension, name, voicemail FROM users WHERE ")
                    .append(SqlFragment.in("extension", touched.subList(start, Math.min(touched.size(), start + 1000))));
            for (Map<String, Object> row : db.run(connection -> Jdbc.rows(connection, sql))) {
                saved.add(new ExtensionRepository.Saved((String) row.get("extension"), false, null,
                        (String) row.get("voicemail"), (String) row.get("name")));
            }
        }
        return saved;
    }
}
