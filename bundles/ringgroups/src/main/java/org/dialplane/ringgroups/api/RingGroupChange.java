package org.dialplane.ringgroups;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * The values a request sets on a ring group, already in IssabelPBX's storage form; a field that was not sent is
 * absent and left as it is.
 *
 * @param extension the ring group's number, or {@code null} when a POST leaves it to the numbering plan
 * @param columns   {@code ringgroups} column -> value, for the fields sent (column names are code constants)
 * @param callerId  {@code RINGGROUP/<n>/} AstDB key -> value ({@code changecid}, {@code fixedcid}), when sent
 */
record RingGroupChange(String extension, Map<String, Object> columns, Map<String, String> callerId) {

    RingGroupChange {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        callerId = Collections.unmodifiableMap(new LinkedHashMap<>(callerId));
    }

    /** A new ring group: what was not sent gets the values IssabelPBX's pbxapi creates it with. */
    RingGroupChange withDefaults() {
        Map<String, Object> all = new LinkedHashMap<>(IssabelRingGroup.defaultColumns(extension));
        all.putAll(columns);
        Map<String, String> keys = new LinkedHashMap<>(IssabelRingGroup.DEFAULT_CALLER_ID);
        keys.putAll(callerId);
        return new RingGroupChange(extension, all, keys);
    }

    RingGroupChange withExtension(String number) {
        return new RingGroupChange(number, columns, callerId);
    }

    /**
     * Fails unless a ring group can be created from this change: the members are required, also when a PUT
     * creates it (a POST checks this with the rest of its body).
     */
    RingGroupChange requireCreatable() {
        if (!columns.containsKey(IssabelRingGroup.MEMBERS_COLUMN)) {
            throw ApiException.invalid(List.of(new Problem.FieldError(RingGroupFields.MEMBERS, "is required")));
        }
        return this;
    }
}
