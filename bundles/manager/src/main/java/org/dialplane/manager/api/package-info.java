/**
 * The AMI pass-through as a service, for callers in the same container (the MiRTA facade, vendor bundles):
 * {@link org.dialplane.manager.api.ManagerService} runs one allow-listed action for a global read-write
 * {@link org.dialplane.core.auth.Caller}, with the same checks and answers as {@code POST /pbxapi/manager/{action}}.
 * Import it optionally: while the manager bundle is absent, its service is too.
 */
@Export
@Version("1.0.0")
package org.dialplane.manager.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
