package org.dialplane.agents.api;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Pauses agents and lists queues through AMI. Errors are core's {@link org.dialplane.core.rest.ApiException}s, as
 * over HTTP: 400 for a malformed extension, 404 for an extension the caller does not see or that is a member of
 * no queue (or not of {@code queue}), 503 without AMI, 502 when Asterisk refuses.
 */
@ProviderType
public interface AgentService {
    /**
     * Pauses {@code extension} (a number, or MiRTA's {@code 104-TENANT}) in {@code queue}, or in every queue it is a
     * member of when {@code queue} is null, with {@code reason} (or none).
     */
    List<AgentMembership> pause(String extension, String queue, String reason, Caller caller);

    /** Unpauses {@code extension} in {@code queue}, or in every queue it is a member of when null. */
    List<AgentMembership> unpause(String extension, String queue, String reason, Caller caller);

    /**
     * The live queues and those of their members the caller sees, as {@code GET /pbxapi/queues} shows them: each
     * a map of the queue's fields and its {@code members}.
     */
    List<Map<String, Object>> queues(Caller caller);
}
