package org.dialplane.core.apply;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applies the PBX configuration (the configured apply command, or an AMI reload). Resources call
 * {@link #request} after every write unless the caller sent {@code reload=0}; core waits for a short quiet
 * moment (with an upper bound on the delay) and applies once for the whole burst.
 */
@ProviderType
public interface ApplyChanges {

    /** Asks for an apply soon; returns at once. {@code reason} is logged (for example "extensions: 201"). */
    void request(String reason);

    /** Whether an apply is pending and how the last one went. */
    ApplyStatus status();

    /** Calls {@code listener} after every apply from now on, until the returned handle is closed. */
    Subscription subscribe(ApplyListener listener);

    /** A listener's registration. */
    @ProviderType
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
