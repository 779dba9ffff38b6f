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
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both services share: the bundle's tables, migrated at activation before either can serve, and one
 * {@link CustomDestinationNotifier}, so that their regenerations of the dialplan never interleave. At activation
 * it writes the section once, so the file follows the database after a restart or a redeploy.
 * Public only because DS instantiates it; its package is not exported.
 */
@Component(service = CustomDialplanWriter.class)
public class CustomDialplanWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CustomDialplanWriter.class);
    private final Jdbc db;
    private final CustomDestinationNotifier notifier;

    @Activate
    public CustomDialplanWriter(@Reference Database database, @Reference DialplanFile file, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, BundleContext context) {
        database.migrate(context.getBundle());
        this.db = new Jdbc(database.pbx());
        this.notifier = new CustomDestinationNotifier(new AfterCommit(astDb, applyChanges), file, this::section);
        try {
            notifier.regenerate();
        } catch (RuntimeException e) {
            // The section stays as it was until the next write; the resources still serve.
            LOG.error("Could not write the custom destinations' dialplan at start: {}", e.toString(), e);
        }
    }

    Jdbc db() {
        return db;
    }

    /** After a committed write: the section again, then the apply when {@code apply}. */
    void written(String reason, boolean apply) {
        notifier.written(reason, apply);
    }

    /** The section's text from the types and destinations in the database now. */
    private String section() {
        return db.run(connection -> {
            Map<Long, List<String>> templates = new LinkedHashMap<>();
            new CustomTypeRepository(db).all(connection).forEach((id, type) -> templates.put(id, type.template()));
            return CustomDialplan.generate(templates, CustomDestinationRepository.all(connection));
        });
    }
}
