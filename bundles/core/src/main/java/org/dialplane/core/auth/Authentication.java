package org.dialplane.core.auth;

/**
 * Names of core's authentication filter in the Jakarta-RS whiteboard. A resource that selects it, as every
 * {@link PbxResource} does, is only served while the filter is active, so it is never reachable
 * unauthenticated, even for a moment while core restarts.
 */
public final class Authentication {
    /** The filter's {@code osgi.jakartars.name}. */
    public static final String EXTENSION_NAME = "dialplane.auth";
    /** The extension filter that a resource selects to require the authentication filter. */
    public static final String REQUIRED = "(osgi.jakartars.name=" + EXTENSION_NAME + ")";

    private Authentication() {
    }
}
