package org.dialplane.phones;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MAC addresses as phones are entered: EUI-48 (six octets) or EUI-64 (eight, as MiRTA's own example
 * {@code AA:BB:CC:DD:EE:FF:00:11}), written {@code AA:BB:..}, {@code aa-bb-..}, {@code aabb.ccdd.eeff} or as
 * plain hex. One form is stored, so a MAC is unique whatever form it was sent in: upper-case pairs joined with
 * {@code :}. An EUI-64 is its own address, never taken for the EUI-48 it may embed.
 */
final class Mac {
    static final String DESCRIPTION = "a MAC address of 6 or 8 octets: AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff,"
            + " aabb.ccdd.eeff or aabbccddeeff";
    private static final Pattern COLONS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}((:[0-9A-Fa-f]{2}){2})?");
    private static final Pattern DASHES = Pattern.compile("[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){5}((-[0-9A-Fa-f]{2}){2})?");
    private static final Pattern DOTS = Pattern.compile("[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4}){2}(\\.[0-9A-Fa-f]{4})?");
    private static final Pattern PLAIN = Pattern.compile("[0-9A-Fa-f]{12}([0-9A-Fa-f]{4})?");

    private Mac() {
    }

    /**
     * The stored form of a MAC sent in any accepted form, or {@code null} when it is none of them, or an address
     * no phone has (all zeros, the broadcast address).
     */
    static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String mac = text.strip();
        if (!(COLONS.matcher(mac).matches() || DASHES.matcher(mac).matches() || DOTS.matcher(mac).matches()
                || PLAIN.matcher(mac).matches())) {
            return null;
        }
        String hex = mac.replaceAll("[:.\\-]", "").toUpperCase(Locale.ROOT);
        if (hex.chars().allMatch(c -> c == '0') || hex.chars().allMatch(c -> c == 'F')) {
            return null;
        }
        StringBuilder pairs = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                pairs.append(':');
            }
            pairs.append(hex, i, i + 2);
        }
        return pairs.toString();
    }

    /** The stored form as phones write it in file names: hex digits only, lower-case. */
    static String lowerHex(String canonical) {
        return canonical.replace(":", "").toLowerCase(Locale.ROOT);
    }

    /** The stored form as hex digits only, upper-case. */
    static String upperHex(String canonical) {
        return canonical.replace(":", "");
    }

    /** The stored form of the hex digits a file name carries (12 or 16); {@code null} otherwise. */
    static String fromHex(String hex) {
        return PLAIN.matcher(hex).matches() ? canonical(hex) : null;
    }
}
