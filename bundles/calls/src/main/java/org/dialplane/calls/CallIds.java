package org.dialplane.calls;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Call ids, like MiRTA's ({@code 15a4cfe6429054}): the time in milliseconds and random bits, in hex. The id is
 * also the Originate's ActionID and ChannelId, so it names the source channel's Uniqueid on Asterisk 13+.
 */
final class CallIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CallIds() {
    }

    static String next() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return Long.toHexString(System.currentTimeMillis()) + HexFormat.of().formatHex(random);
    }
}
