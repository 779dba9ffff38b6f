package org.dialplane.core.apply;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after each apply has run, with the status it left (its {@code lastResult} is {@code success},
 * {@code failure} or {@code skipped}). Called on the apply thread: return quickly and hand longer work off.
 */
@ConsumerType
@FunctionalInterface
public interface ApplyListener {
    void applied(ApplyStatus status);
}
