package org.dialplane.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-line summary of a resource method (or a resource class) for the generated OpenAPI document and the
 * docs page. Without it, the summary is derived from the method name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Doc {
    String value();

    /**
     * The status of a successful answer, when it is not the one the OpenAPI generator infers from the method (201
     * for a POST creating one of the resource's items, 200 otherwise): e.g. 202 for a POST that starts a job.
     * 0: inferred. Since 2.3.
     */
    int status() default 0;
}
