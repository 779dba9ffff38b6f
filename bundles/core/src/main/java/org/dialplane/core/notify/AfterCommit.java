package org.dialplane.core.notify;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side effects of one committed write, run in the order the PBX needs them: the AstDB changes pushed to
 * Asterisk, the configuration files written, then, unless the caller sent {@code reload=0}, one apply requested
 * (the apply reads the files, so they come first). Each step is best effort: the database already holds the
 * change, so a failing step is logged, the others still run, and the caller's answer stays a success.
 */
public final class AfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final AstDb astDb;
    private final ApplyChanges applyChanges;

    public AfterCommit(AstDb astDb, ApplyChanges applyChanges) {
        this.astDb = astDb;
        this.applyChanges = applyChanges;
    }

    /**
     * Runs the side effects of a committed write.
     *
     * @param reason what changed, logged with the apply request, e.g. {@code extensions: 201}
     * @param astdb  the AstDB changes the transaction wrote to the mirror
     * @param apply  whether to request an apply ({@code Reload.requested})
     * @param files  writes of configuration files (e.g. a mailbox in voicemail.conf), in order
     */
    public void written(String reason, AstDbChanges astdb, boolean apply, Runnable... files) {
        if (!astdb.isEmpty()) {
            run(reason, "AstDB push", () -> astDb.push(astdb));
        }
        for (Runnable file : files) {
            run(reason, "file write", file);
        }
        if (apply) {
            run(reason, "apply request", () -> applyChanges.request(reason));
        }
    }

    private static void run(String reason, String step, Runnable effect) {
        try {
            effect.run();
        } catch (RuntimeException e) {
            LOG.error("After {} committed, the {} failed: {}", reason, step, e.toString(), e);
        }
    }
}
