package org.dialplane.media.api;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a bundle whose objects play media files (response paths, a vendor's IVR) and registered as an
 * OSGi service: before deleting media files, {@link MediaService#delete} asks every registered one which of them
 * are in use, and refuses the whole delete (409 naming each user) when any is. The media bundle thus never
 * depends on the bundles that use it. IssabelPBX's own users (ring groups, follow-me, queues, IVRs,
 * announcements, conferences) are checked by the media bundle itself.
 */
@ConsumerType
public interface MediaUsage {

    /**
     * The uses of any of these media files, empty when none is used. Called while the delete runs, before anything
     * is changed, on the deleting request's thread: answer from your own storage, quickly, and never call back
     * into {@link MediaService}. An exception fails the delete (the media is kept).
     *
     * @param mediaIds the ids about to be deleted
     */
    List<MediaUse> usesOf(Collection<String> mediaIds);
}
