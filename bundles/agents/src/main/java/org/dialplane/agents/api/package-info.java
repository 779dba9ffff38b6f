/**
 * Agents as a service, for callers in the same container (the MiRTA facade, vendor bundles):
 * {@link org.dialplane.agents.api.AgentService} pauses and unpauses an extension's queue memberships and lists
 * the queues, for a {@link org.dialplane.core.auth.Caller}, with the same rules and answers as
 * {@code /pbxapi/agents} and {@code /pbxapi/queues}. Import it optionally: while the agents bundle is absent, its
 * service is too.
 */
@Export
@Version("1.0.0")
package org.dialplane.agents.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
