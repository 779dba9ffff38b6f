/**
 * Response paths as a service, for callers in the same framework: the {@code /pbxapi/responsepaths} resource, the
 * MiRTA facade (RESPONSEPATH GETLAST, MEDIAFILE GETAUDIO) and vendor bundles. A response path is a tenant's
 * scripted call flow (prompts, DTMF read into named variables, an optional voice message, then a destination)
 * that Dialplane generates as dialplan; every run of it is recorded from AMI.
 * {@link org.dialplane.responsepaths.api.ResponsePathService} does what the REST resource does, with the same
 * rules, answers and errors ({@link org.dialplane.core.rest.ApiException}), for a
 * {@link org.dialplane.core.auth.Caller} the calling bundle has authenticated; a
 * {@link org.dialplane.responsepaths.api.Run} renders itself in GETLAST's pipe and XML forms. Import it
 * optionally: while the responsepaths bundle is absent, its service is too.
 */
@Export
@Version("1.0.0")
package org.dialplane.responsepaths.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
