package org.dialplane.core.ami;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives AMI events. Called on a core worker thread, never on the AMI reader thread, one event at a time
 * per listener and in order; a slow listener delays only itself (its backlog is bounded: when full, the
 * oldest events for that listener are dropped and logged).
 */
@ConsumerType
@FunctionalInterface
public interface AmiListener {
    void onEvent(AmiEvent event);
}
