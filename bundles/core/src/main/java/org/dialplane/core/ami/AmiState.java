package org.dialplane.core.ami;

/** The state of the AMI connection. */
public enum AmiState {
    /** No AMI configured: no PBX attached. */
    DISABLED,
    /** Configured, trying to connect and log in. */
    CONNECTING,
    /** Logged in: actions can be sent. */
    CONNECTED,
    /** Configured but down; reconnecting with backoff. */
    DISCONNECTED
}
