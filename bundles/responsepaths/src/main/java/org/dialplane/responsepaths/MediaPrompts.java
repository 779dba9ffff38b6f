package org.dialplane.responsepaths;

import java.util.ArrayList;
import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.media.api.MediaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks prompts through {@link MediaService#find} (the caller's tenant's media files only). In a component of its
 * own so that this bundle runs without the media bundle (its package is an optional import): it is satisfied only
 * while the media service is there.
 */
@Component(service = Prompts.class)
public class MediaPrompts implements Prompts {
    private final MediaService media;

    @Activate
    public MediaPrompts(@Reference MediaService media) {
        this.media = media;
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
}
