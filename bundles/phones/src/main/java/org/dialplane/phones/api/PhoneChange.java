package org.dialplane.phones.api;

import java.util.List;

/**
 * The values a write sets on a phone; a field that was not sent is {@code null} and left as it is. Build it from
 * the API's field names with {@link PhoneService#change}, which checks them as the REST resource does; the
 * service checks a change built with this constructor the same way.
 *
 * @param name  what the phone is called, e.g. {@code George Basement}
 * @param mac   its MAC address, EUI-48 or EUI-64, in any accepted form ({@code AA:BB:..}, {@code aa-bb-..},
 *              plain hex); stored as upper-case hex pairs joined with {@code :}
 * @param model the id of a registered {@link PhoneModel}
 * @param lines extension numbers of the phone's tenant, line 1 first
 */
public record PhoneChange(String name, String mac, String model, List<String> lines) {

    public PhoneChange {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
