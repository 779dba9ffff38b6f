package org.dialplane.core.internal.ami;

import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * An asterisk-java connection whose reconnects Dialplane owns: asterisk-java would start its own reconnect
 * thread (fixed 50 ms / 5 s intervals) on a disconnect; instead the disconnect is reported to
 * {@link AmiClient}, which discards this connection and opens a new one with its own backoff.
 */
final class OwnedConnection extends ManagerConnectionImpl {
    private final Runnable onDisconnect;

    OwnedConnection(AmiSettings settings, Runnable onDisconnect) {
        this.onDisconnect = onDisconnect;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.user());
        setPassword(settings.secret());
        setSocketTimeout((int) settings.connectTimeout().toMillis());
        setDefaultResponseTimeout(settings.connectTimeout().toMillis());
    }

    @Override
    public void dispatchEvent(ManagerEvent event, Integer sequence) {
        if (event instanceof DisconnectEvent) {
            onDisconnect.run();
            return;
        }
        super.dispatchEvent(event, sequence);
    }

    /** Closes the socket without a Logoff round trip (the peer may already be gone). */
    void abandon() {
        try {
            disconnect();
        } catch (RuntimeException ignored) {
            // closing a broken connection
        }
    }
}
