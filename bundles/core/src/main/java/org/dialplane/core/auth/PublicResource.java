package org.dialplane.core.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;

/**
 * Makes a DS component a resource of Dialplane's REST API whose methods are all {@link Public} (login, health,
 * the OpenAPI document): unlike {@link PbxResource} it does not wait for the authentication filter, so it stays
 * served while authentication is not active. Put a protected method in a class of its own with
 * {@link PbxResource}: while the filter is active it still authenticates every request here, but while it is
 * not, nothing would.
 * <p>
 * A component property type: {@code name} becomes {@code osgi.jakartars.name}, {@code resource}
 * {@code osgi.jakartars.resource}.
 */
@ComponentPropertyType
@RequireJakartarsWhiteboard
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PublicResource {
    String PREFIX_ = "osgi.jakartars.";

    /** The resource's {@code osgi.jakartars.name}, unique in the whiteboard. */
    String name();

    /** {@code osgi.jakartars.resource=true}: the whiteboard serves the component. */
    boolean resource() default true;
}
