package org.dialplane.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.agents.api.AgentMembership;
import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The AMI side of agents: pauses and unpauses an extension's queue memberships (MiRTA's AGENT PAUSE) and lists
 * the queues. Without AMI every method throws core's 503 at once.
 */
@Component(service = QueuePauses.class)
public class QueuePauses {
    /** QueuePause and QueueStatus answer at once; a slower answer means trouble. */
    private static final Duration AMI_TIMEOUT = Duration.ofSeconds(5);

    private final Ami ami;

    @Activate
    public QueuePauses(@Reference Ami ami) {
        this.ami = ami;
    }

    /** A fast 503 before any other work when AMI is not there. */
    void requireAmi() {
        ami.requireConnected();
    }

    /**
     * Pauses or unpauses {@code extension} in one queue or, without one, in every queue it is a member of: a
     * QueuePause per membership, naming the member's own interface there. IssabelPBX's members are
     * {@code Local/402@from-queue/n}, not the device, and Asterisk answers "Interface not found" to any other name.
     * Returns one entry per membership; 404 when the extension is a member of no queue (or not of that queue).
     */
    List<AgentMembership> pause(String extension, boolean paused, PauseRequest request) {
        List<Membership> memberships = memberships(extension, request.queue());
        if (memberships.isEmpty()) {
            throw ApiException.notFound("Extension " + extension + " is not a member of "
                    + (request.queue() == null ? "any queue" : "queue " + request.queue()));
        }
        List<AgentMembership> done = new ArrayList<>();
        for (Membership membership : memberships) {
            AmiResponse response = ami.call(AmiAction.of("QueuePause")
                    .with("Interface", membership.iface())
                    .with("Queue", membership.queue())
                    .with("Paused", paused ? "true" : "false")
                    .with("Reason", request.reason()), AMI_TIMEOUT);
            if (!response.success()) {
                // Nothing to undo with: say what did change, so that the client can retry or revert knowingly.
                throw new ApiException(502, "Asterisk refused to " + (paused ? "pause " : "unpause ")
                        + membership.iface() + " in queue " + membership.queue() + ": " + response.message()
                        + (done.isEmpty() ? "" : "; already done in queue(s) "
                                + done.stream().map(AgentMembership::queue).toList()));
            }
            done.add(new AgentMembership(extension, membership.queue(), membership.iface(), paused, request.reason()));
        }
        return done;
    }

    /** The extension's memberships, from a QueueStatus of that queue only when one is given. */
    private List<Membership> memberships(String extension, String queue) {
        return QueueMembers.membershipsOf(queueStatus(queue), extension, queue);
    }

    /** The queues and their members that {@code extensions} may see (null: all). */
    List<Map<String, Object>> queues(Set<String> extensions) {
        return QueueMembers.toJson(queueStatus(null), extensions);
    }

    /** The QueueParams and QueueMember events of one queue, or of all of them for {@code queue} null. */
    private List<AmiEvent> queueStatus(String queue) {
        AmiResponse status = ami.call(AmiAction.of("QueueStatus").with("Queue", queue)
                .collecting("QueueStatusComplete"), AMI_TIMEOUT);
        if (!status.success()) {
            throw new ApiException(502, "Asterisk did not list its queues: " + status.message());
        }
        return status.events();
    }
}
