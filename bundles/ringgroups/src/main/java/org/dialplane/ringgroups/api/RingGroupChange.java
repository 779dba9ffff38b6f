package org.dialplane.ringgroups.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a write sets on a ring group, already in IssabelPBX's storage form; a field that was not sent is
 * absent and left as it is (a create gives it IssabelPBX's default). Build it from the API's field names with
 * {@link RingGroupService#change}, which checks them as the REST resource does; the service refuses columns and
 * keys it does not know.
 *
 * @param extension the ring group's number, or {@code null} when a POST leaves it to the numbering plan
 * @param columns   {@code ringgroups} column -> value, for the fields sent
 * @param callerId  {@code RINGGROUP/<n>/} AstDB key -> value ({@code changecid}, {@code fixedcid}), when sent
 */
public record RingGroupChange(String extension, Map<String, Object> columns, Map<String, String> callerId) {

    public RingGroupChange {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns == null ? Map.of() : columns));
        callerId = Collections.unmodifiableMap(new LinkedHashMap<>(callerId == null ? Map.of() : callerId));
    }

    /** This change at another number. */
    public RingGroupChange withExtension(String number) {
        return new RingGroupChange(number, columns, callerId);
    }
}
