package org.dialplane.responsepaths;

import java.util.Collection;
import java.util.List;

import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.media.api.MediaUsage;
import org.dialplane.media.api.MediaUse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the media bundle which of its files response paths still play, so those cannot be deleted (409 naming the
 * path). It references no media service: the media service binds every MediaUsage as it starts, and one that
 * needed the media service back would be a cycle. Without the media bundle nobody asks for it.
 */
@Component(service = MediaUsage.class)
public class PromptUsage implements MediaUsage {
    private final ResponsePathRepository repository;

    @Activate
    public PromptUsage(@Reference Database database, BundleContext context) {
        database.migrate(context.getBundle());
        this.repository = new ResponsePathRepository(new Jdbc(database.pbx()));
    }

    @Override
    public List<MediaUse> usesOf(Collection<String> mediaIds) {
        return repository.usesOf(mediaIds).stream().map(use -> new MediaUse(use.getKey(), use.getValue())).toList();
    }
}
