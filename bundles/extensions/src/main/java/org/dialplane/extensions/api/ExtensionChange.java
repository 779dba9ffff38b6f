package org.dialplane.extensions.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a write sets on an extension, by the API's field names; a null field was not sent and is left as
 * it is (a create gives it IssabelPBX's default). {@link ExtensionService} checks every value as the REST
 * resource does, whoever built the change.
 *
 * @param extension the number, or null for a create at the next free number
 * @param name      the caller id name
 * @param secret    the SIP secret; a create without one gets a strong random one
 * @param tech      {@code sip} or {@code pjsip}; set only on create
 * @param ringtimer seconds to ring, 0 for the system default
 * @param voicemail {@code default} (a mailbox) or {@code novm}
 * @param recording the recording modes sent ({@code always}, {@code dontcare}, {@code never}) by field name,
 *                  e.g. {@code recording_in_external}; never null
 */
public record ExtensionChange(String extension, String name, String secret, String tech, Integer ringtimer,
        String voicemail, Map<String, String> recording) {

    public ExtensionChange {
        recording = recording == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(recording));
    }

    /** This change at another number. */
    public ExtensionChange withExtension(String number) {
        return new ExtensionChange(number, name, secret, tech, ringtimer, voicemail, recording);
    }
}
