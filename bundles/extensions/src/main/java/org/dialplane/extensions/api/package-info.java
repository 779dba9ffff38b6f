/**
 * Extensions as a service, for callers in the same framework: the {@code /pbxapi/extensions} resource, the MiRTA
 * facade and vendor bundles. {@link org.dialplane.extensions.api.ExtensionService} does what the REST resource
 * does, with the same rules, answers and errors ({@link org.dialplane.core.rest.ApiException}), for a
 * {@link org.dialplane.core.auth.Caller} the calling bundle has authenticated.
 */
@Export
@Version("1.0.0")
package org.dialplane.extensions.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
