package org.dialplane.core.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;

/**
 * Makes a DS component a protected resource of Dialplane's REST API: one annotation instead of
 * {@code @JakartarsResource}, {@code @JakartarsName} and {@code @JakartarsExtensionSelect}. The component is
 * served under {@code /pbxapi} only while core's authentication filter is active, so it is never reachable
 * unauthenticated: while the filter is not active, its paths answer 503.
 * <pre>
 * &#64;Component(service = HelloResource.class)
 * &#64;PbxResource(name = "example.vendor.hello")
 * &#64;Path("vendor/hello")
 * public class HelloResource { ... }
 * </pre>
 * A resource whose methods are all {@link Public} uses {@link PublicResource} instead, so that it stays served
 * while authentication is not active.
 * <p>
 * A component property type (DS 1.4, 112.8.2): with {@link #PREFIX_}, the element {@code name} becomes
 * {@code osgi.jakartars.name}, {@code resource} {@code osgi.jakartars.resource} and {@code extension_select}
 * {@code osgi.jakartars.extension.select}. Only {@code name} is meant to be set.
 */
@ComponentPropertyType
@RequireJakartarsWhiteboard
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PbxResource {
    String PREFIX_ = "osgi.jakartars.";

    /** The resource's {@code osgi.jakartars.name}, unique in the whiteboard, e.g. {@code "dialplane.calls"}. */
    String name();

    /** {@code osgi.jakartars.resource=true}: the whiteboard serves the component. */
    boolean resource() default true;

    /** {@code osgi.jakartars.extension.select}: served only while the authentication filter is active. */
    String[] extension_select() default Authentication.REQUIRED;
}
