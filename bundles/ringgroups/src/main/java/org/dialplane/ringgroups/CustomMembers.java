package org.dialplane.ringgroups;

import java.util.Optional;

/**
 * The custom destinations a hunt list may ring, as this bundle needs them. Only {@link CustomDestinationMembers}
 * touches the custom destinations API, whose package this bundle imports optionally: without that bundle there is
 * no such service, and {@code CUSTOM-} entries answer 503 while {@code EXT-} entries still work.
 */
public interface CustomMembers {

    /** A custom destination of a tenant: its id, name, and the number it dials when its type is an external number. */
    record Custom(long id, String name, Optional<String> dialledNumber) {
    }

    /** The tenant's custom destination with this id; empty when there is none or another tenant owns it. */
    Optional<Custom> find(long id, long tenantId);

    /** The tenant's external-number destination dialling this number: how {@code <number>#} reads back. */
    Optional<Long> idOf(String number, long tenantId);
}
