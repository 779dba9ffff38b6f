package org.dialplane.extensions;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a request sets on an extension; a null field was not sent and is left as it is.
 *
 * @param recording the recording modes sent, by API field name
 */
record ExtensionChange(String extension, String name, String secret, String tech, Integer ringtimer,
        String voicemail, Map<String, String> recording) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A new extension: what was not sent gets IssabelPBX's defaults, and a strong random secret. */
    ExtensionChange withDefaults() {
        Map<String, String> modes = new LinkedHashMap<>();
        ExtensionFields.RECORDING_KEYS.keySet().forEach(field -> modes.put(field, "dontcare"));
        modes.putAll(recording);
        return new ExtensionChange(extension, name == null ? "Extension" : name,
                secret == null ? randomSecret() : secret, tech == null ? "sip" : tech,
                ringtimer == null ? 0 : ringtimer, voicemail == null ? "novm" : voicemail, modes);
    }

    ExtensionChange withExtension(String number) {
        return new ExtensionChange(number, name, secret, tech, ringtimer, voicemail, recording);
    }

    /** The dial string IssabelPBX derives from the technology: SIP/1005, PJSIP/1005. */
    String dial() {
        return tech.toUpperCase() + "/" + extension;
    }

    static String randomSecret() {
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
