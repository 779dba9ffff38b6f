package org.dialplane.agents;

import java.util.List;
import java.util.Map;

import org.dialplane.agents.api.AgentMembership;
import org.dialplane.agents.api.AgentService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AgentService} for a caller: which extension and queues the caller may act on (its tenant's, or MiRTA's
 * {@code 104-TENANT} for a global caller), then {@link QueuePauses} for the AMI side.
 */
@Component(service = AgentService.class)
public class Agents implements AgentService {
    private final Jdbc db;
    private final QueuePauses pauses;
    private final Tenants tenants;

    @Activate
    public Agents(@Reference Database database, @Reference QueuePauses pauses, @Reference Tenants tenants) {
        this.db = new Jdbc(database.pbx());
        this.pauses = pauses;
        this.tenants = tenants;
    }

    @Override
    public List<AgentMembership> pause(String extension, String queue, String reason, Caller caller) {
        return setPaused(extension, new PauseRequest(queue, reason), caller, true);
    }

    @Override
    public List<AgentMembership> unpause(String extension, String queue, String reason, Caller caller) {
        return setPaused(extension, new PauseRequest(queue, reason), caller, false);
    }

    private List<AgentMembership> setPaused(String extension, PauseRequest request, Caller caller, boolean paused) {
        AgentId agent = AgentId.parse(extension);
        pauses.requireAmi();
        Caller scope = agent.scope(caller, tenants);
        if (Devices.dialOf(db, agent.number(), scope).isEmpty()) {
            throw ApiException.notFound("No extension " + agent);
        }
        return pauses.pause(agent.number(), paused, request);
    }

    @Override
    public List<Map<String, Object>> queues(Caller caller) {
        pauses.requireAmi();
        return pauses.queues(Devices.extensionsOf(db, caller));
    }
}
