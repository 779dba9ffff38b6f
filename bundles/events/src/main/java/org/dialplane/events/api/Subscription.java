package org.dialplane.events.api;

import org.osgi.annotation.versioning.ProviderType;

/** A listener's subscription; closing it stops delivery (the listener is then told, once, that it is closed). */
@ProviderType
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
