/**
 * Ring groups as a service, for callers in the same framework: the {@code /pbxapi/ringgroups} resource, the MiRTA
 * facade and vendor bundles. {@link org.dialplane.ringgroups.api.RingGroupService} does what the REST resource
 * does, with the same rules, answers and errors ({@link org.dialplane.core.rest.ApiException}), for a
 * {@link org.dialplane.core.auth.Caller} the calling bundle has authenticated.
 */
@Export
@Version("1.1.0")
package org.dialplane.ringgroups.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
