package org.dialplane.core.ami;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.dialplane.core.rest.ApiException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Asterisk Manager Interface connection, registered by core whether or not a PBX is attached. With no
 * AMI configured, or while it is down, actions fail at once with {@link ApiException#unavailable} (503 with
 * Retry-After), so AMI-backed endpoints answer promptly.
 */
@ProviderType
public interface Ami {

    /** The default time to wait for an action's response (and its event list). */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    AmiState state();

    default boolean isConnected() {
        return state() == AmiState.CONNECTED;
    }

    /**
     * A fast 503 with Retry-After, before any other work, when AMI is not there: for endpoints that are
     * nothing without the PBX. Retry-After is 60 s when no PBX is configured, 2 s while it reconnects.
     */
    default void requireConnected() {
        AmiState state = state();
        if (state == AmiState.DISABLED) {
            throw ApiException.unavailable("No PBX is attached: AMI is not configured.", 60);
        }
        if (state != AmiState.CONNECTED) {
            throw ApiException.unavailable("AMI is not connected.", 2);
        }
    }

    /**
     * Sends an action. The stage completes with the response (an {@code Error} response is a normal result,
     * see {@link AmiResponse#success()}); or exceptionally with an {@link ApiException}: 503 when AMI is
     * not connected or the connection drops, 504 when no response arrives within the timeout.
     */
    CompletionStage<AmiResponse> send(AmiAction action, Duration timeout);

    /** Sends an action and waits for its response; throws the {@link ApiException}s {@link #send} reports. */
    default AmiResponse call(AmiAction action, Duration timeout) {
        try {
            return send(action, timeout).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
    }

    default AmiResponse call(AmiAction action) {
        return call(action, DEFAULT_TIMEOUT);
    }

    /** Subscribes to every event; close the returned handle to unsubscribe. */
    Subscription subscribe(AmiListener listener);

    /** An event subscription. */
    @ProviderType
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
