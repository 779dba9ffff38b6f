package org.dialplane.customdestinations.api;

import java.util.Optional;

/**
 * A custom destination as other bundles see it.
 *
 * @param id             its id, as in {@code CUSTOM-<id>}
 * @param tenantId       the tenant owning it
 * @param name           its name
 * @param type           its custom type id
 * @param externalNumber whether its type dials param1 as an external number
 * @param param1         the first parameter's value ({@code ""} when the type declares none)
 * @param destination    where IssabelPBX sends calls for it: {@code dp-custom-<id>,s,1}
 */
public record CustomDestination(long id, long tenantId, String name, long type, boolean externalNumber,
        String param1, String destination) {

    /** The number it dials, when its type is an external number: what a hunt list rings. */
    public Optional<String> dialledNumber() {
        return externalNumber ? Optional.of(param1) : Optional.empty();
    }
}
