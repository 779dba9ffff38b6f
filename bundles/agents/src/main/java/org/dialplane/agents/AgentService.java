package org.dialplane.agents;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The AMI side of agents: pauses and unpauses queue members (MiRTA's AGENT PAUSE) and lists the queues.
 * Without AMI every method throws core's 503 at once.
 */
@Component(service = AgentService.class)
public class AgentService {
    /** QueuePause and QueueStatus answer at once; a slower answer means trouble. */
    private static final Duration AMI_TIMEOUT = Duration.ofSeconds(5);

    private final Ami ami;

    @Activate
    public AgentService(@Reference Ami ami) {
        this.ami = ami;
    }

    /** A fast 503 before any other work when AMI is not there. */
    void requireAmi() {
        ami.requireConnected();
    }

    /** Pauses or unpauses the member {@code iface} in one queue or, without one, in all its queues. */
    Map<String, Object> pause(String extension, String iface, boolean paused, PauseRequest request) {
        AmiAction action = AmiAction.of("QueuePause")
                .with("Interface", iface)
                .with("Paused", paused ? "true" : "false")
                .with("Queue", request.queue())
                .with("Reason", request.reason());
        AmiResponse response = ami.call(action, AMI_TIMEOUT);
        if (!response.success()) {
            throw new ApiException(502, "Asterisk refused to " + (paused ? "pause " : "unpause ") + iface + ": "
                    + response.message());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("extension", extension);
        result.put("paused", paused);
        result.put("queue", request.queue());
        result.put("reason", request.reason());
        return result;
    }

    /** The queues and their members that {@code extensions} may see (null: all). */
    List<Map<String, Object>> queues(Set<String> extensions) {
        AmiResponse response = ami.call(AmiAction.of("QueueStatus").collecting("QueueStatusComplete"), AMI_TIMEOUT);
        if (!response.success()) {
            throw new ApiException(502, "Asterisk did not list its queues: " + response.message());
        }
        return QueueMembers.toJson(response.events(), extensions);
    }
}
