package org.dialplane.events.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of one {@link Subscription}, one at a time and in order, on a thread of the subscription's
 * own: a slow listener delays only itself. A listener that falls a whole backlog behind (1,000 events unless
 * configured otherwise) is closed rather than waited for; it may subscribe again with the id of the last event it
 * received and get what it missed while that is still kept.
 */
@ConsumerType
public interface EventListener {
    /** One event. Throwing ends the subscription: the listener is then closed with the exception as the reason. */
    void event(PbxEvent event);

    /**
     * Called once, last, when the subscription ends: closed by its holder, too slow, the listener threw, or the
     * service stopped. {@code reason} says which, for a log.
     */
    default void closed(String reason) {
    }
}
