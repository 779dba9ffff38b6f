package org.dialplane.responsepaths;

import org.dialplane.core.auth.Caller;

/**
 * Checks a custom destination id against the custom destinations bundle. Registered (by
 * {@link CustomDestinationTargets}) only while that bundle's service is there, so the service can tell "no custom
 * destinations bundle" (503) from "no such custom destination" (422).
 */
interface CustomTargets {
    /** Whether the custom destination exists and belongs to the caller's tenant. */
    boolean usable(long id, Caller caller);
}
