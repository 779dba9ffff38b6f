package org.dialplane.responsepaths;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.media.api.MediaService;
import org.dialplane.media.api.MediaUsage;
import org.dialplane.media.api.MediaUse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The link to the media bundle, in a component of its own so that this bundle runs without it (its package is an
 * optional import): checks prompts through {@link MediaService#find} (the caller's tenant's media files only), and
 * tells the media bundle, as a {@link MediaUsage}, which of its files paths still play, so those cannot be deleted.
 */
@Component(service = { Prompts.class, MediaUsage.class })
public class MediaPrompts implements Prompts, MediaUsage {
    private final MediaService media;
    private final ResponsePathRepository repository;

    @Activate
    public MediaPrompts(@Reference MediaService media, @Reference Database database, BundleContext context) {
        database.migrate(context.getBundle());
        this.media = media;
        this.repository = new ResponsePathRepository(new Jdbc(database.pbx()));
    }

    @Override
    public List<Integer> unusable(List<String> mediaIds, Caller caller) {
        List<Integer> unusable = new ArrayList<>();
        for (int i = 0; i < mediaIds.size(); i++) {
            if (media.find(mediaIds.get(i), caller).isEmpty()) {
                unusable.add(i);
            }
        }
        return unusable;
    }

    @Override
    public List<MediaUse> usesOf(Collection<String> mediaIds) {
        return repository.usesOf(mediaIds).stream().map(use -> new MediaUse(use.getKey(), use.getValue())).toList();
    }
}
