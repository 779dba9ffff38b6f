package org.dialplane.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.ami.AmiEvent;

/**
 * The recent originates of this process and their outcome, from AMI events. Per-process state, as the issue
 * accepts: another instance behind the same load balancer does not know these calls, and a restart forgets
 * them. Bounded: a call is forgotten {@code keep} after it was placed, and the oldest go first beyond
 * {@code capacity}. Events arrive on one core thread, requests on many: every access holds this object's lock.
 */
final class CallTracker {
    private final Duration keep;
    private final int capacity;
    private final Clock clock;
    /** In the order placed, so the oldest (first to expire) come first. */
    private final LinkedHashMap<String, TrackedCall> calls = new LinkedHashMap<>();
    /** Channel events name a channel, not a call: these find the call of a Uniqueid or channel name. */
    private final Map<String, TrackedCall> byUniqueid = new HashMap<>();
    private final Map<String, TrackedCall> byChannel = new HashMap<>();

    CallTracker(Duration keep, int capacity, Clock clock) {
        this.keep = keep;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Starts tracking a call before its Originate is sent, so that no event about it can come first. */
    synchronized Map<String, Object> add(String id, long tenantId, String source, String dest) {
        expire();
        TrackedCall call = new TrackedCall(id, tenantId, source, dest, clock.instant());
        calls.put(id, call);
        byUniqueid.put(id, call); // the Originate asks Asterisk to use the call id as the channel's Uniqueid
        while (calls.size() > capacity) {
            forget(calls.values().iterator().next());
        }
        return call.toJson();
    }

    synchronized void remove(String id) {
        TrackedCall call = calls.get(id);
        if (call != null) {
            forget(call);
        }
    }

    /** The call as JSON, when known and the tenant's (any tenant's for {@code tenantId} null). */
    synchronized Optional<Map<String, Object>> find(String id, Long tenantId) {
        expire();
        return visible(id, tenantId).map(TrackedCall::toJson);
    }

    /** The channel of a call (its name and Uniqueid, either may be null), when known and visible. */
    synchronized Optional<String[]> channelOf(String id, Long tenantId) {
        return visible(id, tenantId).map(call -> new String[] {call.channel, call.uniqueid});
    }

    synchronized int size() {
        return calls.size();
    }

    void onEvent(AmiEvent event) {
        if (event.is("OriginateResponse")) {
            answered(event);
        } else if (event.is("Newchannel")) {
            channelCreated(event);
        } else if (event.is("Hangup")) {
            hungUp(event);
        }
    }

    private synchronized void answered(AmiEvent event) {
        TrackedCall call = calls.get(String.valueOf(event.get("ActionID")));
        if (call == null) {
            return;
        }
        call.status = TrackedCall.outcome(event.get("Response"), event.get("Reason"));
        call.reason = event.get("Reason");
        if (TrackedCall.ANSWERED.equals(call.status)) {
            call.answered = clock.instant();
        }
        link(call, event.get("Channel"), event.get("Uniqueid"));
    }

    /** With ChannelId honoured (Asterisk 13+), the source channel appears under the call id at once. */
    private synchronized void channelCreated(AmiEvent event) {
        TrackedCall call = byUniqueid.get(String.valueOf(event.get("Uniqueid")));
        if (call != null) {
            link(call, event.get("Channel"), event.get("Uniqueid"));
        }
    }

    private synchronized void hungUp(AmiEvent event) {
        TrackedCall call = byUniqueid.get(String.valueOf(event.get("Uniqueid")));
        if (call == null) {
            call = byChannel.get(String.valueOf(event.get("Channel")));
        }
        if (call != null && call.ended == null) {
            call.ended = clock.instant();
            call.hangupCause = event.get("Cause");
            call.hangupCauseText = event.get("CauseTxt");
        }
    }

    private void link(TrackedCall call, String channel, String uniqueid) {
        if (channel != null && !channel.isEmpty()) {
            if (call.channel != null) {
                byChannel.remove(call.channel, call);
            }
            call.channel = channel;
            byChannel.put(channel, call);
        }
        if (uniqueid != null && !uniqueid.isEmpty() && !uniqueid.equals("<null>")) { // no channel: "<null>"
            if (call.uniqueid != null && !call.uniqueid.equals(call.id)) {
                byUniqueid.remove(call.uniqueid, call);
            }
            call.uniqueid = uniqueid;
            byUniqueid.put(uniqueid, call);
        }
    }

    private Optional<TrackedCall> visible(String id, Long tenantId) {
        TrackedCall call = calls.get(id);
        return call != null && (tenantId == null || call.tenantId == tenantId) ? Optional.of(call) : Optional.empty();
    }

    private void expire() {
        Instant oldest = clock.instant().minus(keep);
        Iterator<TrackedCall> it = calls.values().iterator();
        while (it.hasNext()) {
            TrackedCall call = it.next();
            if (!call.created.isBefore(oldest)) {
                return;
            }
            it.remove();
            unindex(call);
        }
    }

    private void forget(TrackedCall call) {
        calls.remove(call.id);
        unindex(call);
    }

    private void unindex(TrackedCall call) {
        byUniqueid.remove(call.id, call);
        if (call.uniqueid != null) {
            byUniqueid.remove(call.uniqueid, call);
        }
        if (call.channel != null) {
            byChannel.remove(call.channel, call);
        }
    }
}
