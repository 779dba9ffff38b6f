package org.dialplane.events.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The PBX's events, each delivered only to callers who may see it: a tenant hears of channels whose device, caller
 * id number or account code is one of its extensions and of its own agents; every caller hears of applies; the
 * events other bundles publish ({@link #publish}) reach their tenant's callers.
 * Errors are core's {@link org.dialplane.core.rest.ApiException}s, as over HTTP: 422 for an unknown type, 400 for
 * an id that is not one of this service's, 503 with Retry-After when AMI is not connected or too many
 * subscriptions (SSE clients included) are open.
 */
@ProviderType
public interface EventService {
    /** The event types there are, e.g. {@code call.hangup}. */
    Set<String> types();

    /**
     * Starts delivering to {@code listener} the events of {@code types} (null or empty: all) that {@code caller}
     * sees. With {@code lastEventId} (null: none) it first gets the kept events after that one; nothing between
     * those and the live ones is missed or delivered twice. The subscription lasts until closed, even while AMI
     * reconnects.
     */
    Subscription subscribe(Set<String> types, Caller caller, String lastEventId, EventListener listener);

    /**
     * The kept events after {@code lastEventId} (null: all kept) that {@code caller} sees, oldest first: for a
     * listener that polls instead of subscribing. Only the newest events are kept (5,000 unless configured
     * otherwise), and none from before the service started; an id from an earlier start gets all of them.
     */
    List<PbxEvent> since(String lastEventId, Caller caller);

    /**
     * Publishes an event another bundle observed to every subscription that wants its type and may see the
     * tenant's events (global callers and that tenant's own). {@code data} gets {@code type} and {@code time}
     * first, then its own fields in their order.
     *
     * @throws IllegalArgumentException when no registered {@link EventSource} declares the type, or it is one of
     *         this service's own
     */
    void publish(String type, long tenantId, Map<String, Object> data);
}
