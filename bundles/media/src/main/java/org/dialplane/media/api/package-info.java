/**
 * Media files as a service, for callers in the same framework: the {@code /pbxapi/media} resource, the MiRTA
 * facade (MEDIAFILE, MANAGEDB MEDIAFILE), response paths and vendor bundles. A media file is an IssabelPBX system
 * recording (a {@code recordings} row) with its audio under Asterisk's sounds folder, so IVRs, ring groups and
 * queues can play it. {@link org.dialplane.media.api.MediaService} does what the REST resource does, with the same
 * rules, answers and errors ({@link org.dialplane.core.rest.ApiException}), for a
 * {@link org.dialplane.core.auth.Caller} the calling bundle has authenticated. Bundles whose objects play media
 * register a {@link org.dialplane.media.api.MediaUsage}, so a media file they use cannot be deleted under them.
 */
@Export
@Version("1.0.0")
package org.dialplane.media.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
