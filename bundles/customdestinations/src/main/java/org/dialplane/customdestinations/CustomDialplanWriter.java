package org.dialplane.customdestinations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.asterisk.DialplanFile;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The notifier both services share, so that their regenerations never interleave: after a committed write it
 * writes the bundle's whole section of {@code extensions_dialplane.conf} again from the database (types and
 * destinations as they are now), then requests the apply. At activation it migrates the bundle's tables, before
 * either service can serve, and writes the section once, so the file follows the database after a restart.
 * Public only because DS instantiates it; its package is not exported.
 */
@Component(service = CustomDialplanWriter.class)
public class CustomDialplanWriter {
    private final Jdbc db;
    private final DialplanFile file;
    private final AfterCommit afterCommit;

    @Activate
    public CustomDialplanWriter(@Reference Database database, @Reference DialplanFile file, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, BundleContext context) {
        database.migrate(context.getBundle());
        this.db = new Jdbc(database.pbx());
        this.file = file;
        this.afterCommit = new AfterCommit(astDb, applyChanges);
        regenerate();
    }

    Jdbc db() {
        return db;
    }

    /** After a committed write: the section again, then the apply when {@code apply}. */
    void written(String reason, boolean apply) {
        afterCommit.written(reason, new AstDbChanges(), apply, this::regenerate);
    }

    /** Reads and writes under one lock: a later write's regeneration always ends last. */
    synchronized void regenerate() {
        String text = db.run(connection -> {
            Map<Long, List<String>> templates = new LinkedHashMap<>();
            new CustomTypeRepository(db).all(connection).forEach((id, type) -> templates.put(id, type.template()));
            return CustomDialplan.generate(templates, CustomDestinationRepository.all(connection));
        });
        file.replaceSection(CustomDialplan.SECTION, text);
    }
}
