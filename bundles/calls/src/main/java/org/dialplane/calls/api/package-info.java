/**
 * Calls as a service, for callers in the same container (the MiRTA facade, vendor bundles):
 * {@link org.dialplane.calls.api.CallService} originates (MiRTA's DIAL), follows, counts (COUNTCALLS) and hangs up
 * calls through AMI and finds their recordings, for a {@link org.dialplane.core.auth.Caller}, with the same rules
 * and answers as {@code /pbxapi/calls}. Import it optionally: while the calls bundle is absent, its service is too.
 */
@Export
@Version("1.0.0")
package org.dialplane.calls.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
