package org.dialplane.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises (or lowers) the request body limit for one entity parameter, for the few resources that take more than
 * the default 1 MiB, such as a media file upload: {@code public Response upload(@MaxBodySize(50 << 20)
 * InputStream audio)}. Past it the answer is a 413 problem, as everywhere.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MaxBodySize {
    /** The largest body accepted, in bytes. */
    long value();
}
