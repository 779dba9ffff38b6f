package org.dialplane.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dialplane.calls.api.OriginateRequest;
import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.pbx.Channels;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The AMI side of calls: originates them as MiRTA's DIAL does, follows their outcome through events (in a
 * {@link CallTracker}), lists live channels and hangs them up. Without AMI every method throws core's 503 at
 * once: nothing here waits on a PBX that is not there.
 */
@Component(service = AmiCalls.class)
public class AmiCalls {
    /** Where MiRTA and IssabelPBX dial the destination: as if the source phone dialled it. */
    static final String CONTEXT = "from-internal";
    /** Asterisk answers an async Originate at once; a slower answer means trouble, not a slow call. */
    private static final Duration AMI_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KEEP_CALLS = Duration.ofHours(1);
    private static final int MAX_CALLS = 10_000;

    private final Ami ami;
    private final CallTracker calls = new CallTracker(KEEP_CALLS, MAX_CALLS, Clock.systemUTC());
    private final Ami.Subscription subscription;

    @Activate
    public AmiCalls(@Reference Ami ami) {
        this.ami = ami;
        this.subscription = ami.subscribe(calls::onEvent);
    }

    @Deactivate
    void stop() {
        subscription.close();
    }

    /** A fast 503 before any other work when AMI is not there. */
    void requireAmi() {
        ami.requireConnected();
    }

    /**
     * Rings {@code dial} (the source extension's device), which then dials the destination in
     * {@code from-internal}. Returns the call id once Asterisk queued the call; the outcome follows by events.
     */
    String originate(OriginateRequest request, String dial, Caller caller) {
        String id = CallIds.next();
        calls.add(id, caller.tenantId(), request.source(), request.dest());
        AmiAction originate = AmiAction.of("Originate")
                .with("ActionID", id)
                .with("ChannelId", id)
                .with("Channel", dial)
                .with("Context", CONTEXT)
                .with("Exten", request.dest())
                .with("Priority", 1)
                .with("Timeout", request.timeoutSeconds() * 1000L)
                .with("CallerID", request.callerId() != null ? request.callerId() : "<" + request.source() + ">")
                .with("Account", request.account())
                .withVariables(prefixed(request.variables(), caller.tenantCode()))
                .with("Async", "true");
        AmiResponse response;
        try {
            response = ami.call(originate, AMI_TIMEOUT);
        } catch (RuntimeException e) {
            calls.remove(id);
            throw e;
        }
        if (!response.success()) {
            calls.remove(id);
            throw new ApiException(502, "Asterisk refused the call: " + response.message());
        }
        return id;
    }

    /** MiRTA: a variable {@code callid} of tenant DEVEL reaches the dialplan as {@code DEVEL-callid}. */
    static Map<String, String> prefixed(Map<String, String> variables, String tenantCode) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        variables.forEach((name, value) -> prefixed.put(tenantCode + "-" + name, value));
        return prefixed;
    }

    /** A call this process originated for the caller's tenant (any tenant's for a global caller). */
    Optional<Map<String, Object>> find(String id, Caller caller) {
        return calls.find(id, scope(caller));
    }

    /** The live channels, each a CoreShowChannel event; {@code extensions} null means all of them. */
    List<AmiEvent> channels(Set<String> extensions) {
        AmiResponse response = ami.call(AmiAction.of("CoreShowChannels").collecting("CoreShowChannelsComplete"),
                AMI_TIMEOUT);
        if (!response.success()) {
            throw new ApiException(502, "Asterisk did not list its channels: " + response.message());
        }
        return response.events().stream().filter(event -> event.is("CoreShowChannel"))
                .filter(channel -> Channels.concerns(channel, extensions)).toList();
    }

    /**
     * Hangs up a call: {@code id} is a call this process originated, or the Uniqueid of a live channel the caller
     * sees. Returns false when there is no such live channel.
     */
    boolean hangup(String id, Caller caller, Set<String> extensions) {
        Optional<String[]> tracked = calls.channelOf(id, scope(caller));
        String uniqueid = tracked.map(channel -> channel[1]).orElse(id);
        String name = tracked.map(channel -> channel[0]).orElse(null);
        // A tracked call is the caller's already; otherwise only the caller's channels may be hung up.
        List<AmiEvent> live = channels(tracked.isPresent() ? null : extensions);
        Optional<AmiEvent> channel = live.stream()
                .filter(event -> id.equals(event.get("Uniqueid")) || uniqueid.equals(event.get("Uniqueid")))
                .findFirst()
                .or(() -> live.stream().filter(event -> name != null && name.equals(event.get("Channel"))).findFirst());
        if (channel.isEmpty()) {
            return false;
        }
        // An Error here means the channel ended between the listing and the hangup: gone all the same.
        return ami.call(AmiAction.of("Hangup").with("Channel", channel.get().get("Channel")), AMI_TIMEOUT)
                .success();
    }

    private static Long scope(Caller caller) {
        return caller.global() ? null : caller.tenantId();
    }
}
