package org.dialplane.mirta;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dialplane.agents.api.AgentMembership;
import org.dialplane.agents.api.AgentService;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code AGENT action=PAUSE|UNPAUSE}: pauses or unpauses {@code extension} ({@code 104} or MiRTA's
 * {@code 104-DEVEL}) in {@code queue} (or {@code queuenumber}; every queue it is a member of without one, or with
 * {@code ALL}), with {@code pausereason}, through the agents bundle's {@link AgentService}. Answers
 * {@code Success|Agent paused|<queues>|}.
 */
@Component(service = Reqtype.class)
public class AgentReqtype implements Reqtype {
    static final Pattern EXTENSION = Pattern.compile("[0-9]{1,20}(-[A-Za-z][A-Za-z0-9_-]{0,31})?");
    static final Pattern QUEUE = Pattern.compile("[0-9]{1,20}|(?i:ALL)");
    static final Pattern REASON = Pattern.compile("[^\\p{Cntrl}]{1,80}");

    private final AgentService agents;

    @Activate
    public AgentReqtype(@Reference AgentService agents) {
        this.agents = agents;
    }

    @Override
    public String reqtype() {
        return "AGENT";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        // Both actions write; anything else is refused as unknown before anything happens.
        String action = request.upper("action");
        return "PAUSE".equals(action) || "UNPAUSE".equals(action);
    }

    @Override
    public String help() {
        return """
                AGENT        - Manipulate queue agent status
                               Additional parameters:
                               tenant - name of the tenant
                               extension - agent extension number, or number-TENANT (104-DEVEL)
                               queue - queue number (alternatively use queuenumber; ALL or none for all its queues)
                               action - action to perform (pause, unpause)
                               pausereason - optional, pause reason to set
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String action = request.upper("action");
        if (action == null) {
            throw ApiException.badRequest("Missing parameter action for reqtype AGENT; one of PAUSE, UNPAUSE");
        }
        if (!action.equals("PAUSE") && !action.equals("UNPAUSE")) {
            throw ApiException.badRequest("Unknown action '" + Answer.oneLine(request.get("action"))
                    + "' for reqtype AGENT; one of PAUSE, UNPAUSE");
        }
        String extension = request.requiredMatching("extension", EXTENSION,
                "an extension number such as 104, or a number and a tenant code such as 104-DEVEL");
        String queue = request.first("queue", "queuenumber");
        if (queue != null && !QUEUE.matcher(queue).matches()) {
            throw ApiException.badRequest("Invalid queue '" + Answer.oneLine(queue) + "': a queue number, or ALL");
        }
        if (queue != null && queue.equalsIgnoreCase("ALL")) {
            queue = null;
        }
        String reason = request.matching("pausereason", REASON, "one line of at most 80 characters");
        boolean pause = action.equals("PAUSE");
        List<AgentMembership> done = pause ? agents.pause(extension, queue, reason, caller)
                : agents.unpause(extension, queue, reason, caller);
        return Answer.success(pause ? "Agent paused" : "Agent unpaused",
                done.stream().map(AgentMembership::queue).collect(Collectors.joining(",")));
    }
}
