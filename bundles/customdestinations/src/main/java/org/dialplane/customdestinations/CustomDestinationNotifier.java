package org.dialplane.customdestinations;

import java.util.function.Supplier;

import org.dialplane.core.asterisk.DialplanFile;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;

/**
 * What the PBX must hear once a write of custom types or destinations has committed: the bundle's section of
 * {@code extensions_dialplane.conf} written again whole (from the database as it is now, so a template change
 * reaches every destination of its type), then an apply unless the caller sent {@code reload=0}. No AstDB keys.
 */
final class CustomDestinationNotifier {
    private final AfterCommit afterCommit;
    private final DialplanFile file;
    private final Supplier<String> section;

    /** @param section the section's text as the database says now ({@link CustomDialplan#generate}) */
    CustomDestinationNotifier(AfterCommit afterCommit, DialplanFile file, Supplier<String> section) {
        this.afterCommit = afterCommit;
        this.file = file;
        this.section = section;
    }

    void written(String reason, boolean apply) {
        afterCommit.written(reason, new AstDbChanges(), apply, this::regenerate);
    }

    /** Reads and writes under one lock: the regeneration of a later write always ends last. */
    synchronized void regenerate() {
        file.replaceSection(CustomDialplan.SECTION, section.get());
    }
}
