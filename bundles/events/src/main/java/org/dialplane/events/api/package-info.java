/**
 * PBX events as a service, for listeners in the same container (the MiRTA facade, vendor bundles such as a CRM
 * reacting to {@code call.hangup}): {@link org.dialplane.events.api.EventService} delivers the events
 * {@code /pbxapi/events} streams (calls started, answered and hung up, agents paused and unpaused, configuration
 * applied, voicemail left or changed) to an {@link org.dialplane.events.api.EventListener}, for a
 * {@link org.dialplane.core.auth.Caller}, with the same tenant filtering, type filter, replay and slow-listener
 * rules as the endpoint; a bundle that registers an {@link org.dialplane.events.api.EventSource} publishes its
 * own types through it. Import it
 * optionally: while the events bundle is absent, its service is too.
 */
@Export
@Version("1.1.0")
package org.dialplane.events.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
