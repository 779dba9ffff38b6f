package org.dialplane.events.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by a bundle that publishes events of its own through
 * {@link EventService#publish} (voicemail's {@code voicemail.new}, response paths' {@code response_path.completed}).
 * While it is registered its types are among {@link EventService#types()}, and subscribers may filter on them;
 * when its bundle stops they go.
 */
@ConsumerType
public interface EventSource {
    /** The types this source publishes: lower-case words joined by a dot, such as {@code voicemail.new}. */
    Set<String> types();
}
