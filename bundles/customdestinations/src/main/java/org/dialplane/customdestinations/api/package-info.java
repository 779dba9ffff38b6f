/**
 * Custom destinations as services, for callers in the same framework: the {@code /pbxapi/customtypes} and
 * {@code /pbxapi/customdestinations} resources, the MiRTA facade (MANAGEDB CUSTOMTYPES and CUSTOM) and the ring
 * groups bundle, whose hunt lists take {@code CUSTOM-<id>} entries. Both services do what their REST resource does,
 * with the same rules, answers and errors ({@link org.dialplane.core.rest.ApiException}), for a
 * {@link org.dialplane.core.auth.Caller} the calling bundle has authenticated.
 */
@Export
@Version("1.0.0")
package org.dialplane.customdestinations.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
