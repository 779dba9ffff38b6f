package org.dialplane.media;

import org.dialplane.media.api.MediaService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The media bundle's settings, configuration {@value #PID} ({@code etc/org.dialplane.media.cfg}), read by the
 * service and the resource alike and applied while running.
 */
@ObjectClassDefinition(name = "Dialplane media files", description = "Uploads to /pbxapi/media")
public @interface MediaConfig {
    String PID = "org.dialplane.media";

    /** Key {@code max.upload.bytes}: DS reads an underscore in the name as a dot. */
    @AttributeDefinition(description = "The largest upload (the request body), in bytes; more answers 413")
    long max_upload_bytes() default MediaService.DEFAULT_MAX_UPLOAD_BYTES;
}
