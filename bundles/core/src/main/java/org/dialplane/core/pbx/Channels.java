package org.dialplane.core.pbx;

import java.util.HashSet;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;

/**
 * Which extensions an Asterisk channel or queue member stands for, as the live-call features decide what a tenant
 * sees. A channel concerns an extension when the extension is its device ({@code SIP/402-0000001a}), its caller id
 * number or its account code ({@code 402}, or MiRTA's {@code 402-DEVEL}). That covers the calls its phones make or
 * answer and the calls it originates; a call that reaches it through a trunk, a queue or a ring group shows once
 * one of its phones has a channel in it.
 */
public final class Channels {
    private static final char[] NAME_ENDS = {'@', '/', '-', ';'};

    private Channels() {
    }

    /**
     * The extension in a channel or interface name, or null: {@code SIP/402-0000001a}, {@code PJSIP/402},
     * {@code Local/402@from-queue/n} (IssabelPBX's queue members) and {@code hint:402@ext-local} are all 402.
     */
    public static String extensionOf(String channel) {
        if (channel == null) {
            return null;
        }
        int start = channel.indexOf('/');
        if (start < 0) {
            start = channel.indexOf(':');
        }
        if (start < 0) {
            return null;
        }
        String name = channel.substring(start + 1);
        int end = name.length();
        for (char stop : NAME_ENDS) {
            int at = name.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end == 0 ? null : name.substring(0, end);
    }

    /**
     * Whether a channel event ({@code CoreShowChannel}, {@code Newchannel}, {@code Hangup}, ...) concerns one of
     * {@code extensions}; every channel concerns a global caller, whose {@code extensions} are null.
     */
    public static boolean concerns(AmiEvent channel, Set<String> extensions) {
        return extensions == null || extensionsOf(channel).stream().anyMatch(extensions::contains);
    }

    /**
     * The numbers a channel event may concern: its device, caller id number and account code, whichever it has.
     * Not every one is an extension (a caller id can be anybody's): match them against a tenant's extensions.
     */
    public static Set<String> extensionsOf(AmiEvent channel) {
        Set<String> numbers = new HashSet<>(3);
        add(numbers, extensionOf(channel.get("Channel")));
        add(numbers, channel.get("CallerIDNum"));
        add(numbers, extensionOfAccount(channel.get("AccountCode")));
        return numbers;
    }

    private static void add(Set<String> numbers, String number) {
        if (number != null && !number.isEmpty()) {
            numbers.add(number);
        }
    }

    /** The extension an account code names: {@code 402}, or {@code 402} of MiRTA's {@code 402-DEVEL}. */
    public static String extensionOfAccount(String account) {
        if (account == null) {
            return null;
        }
        int dash = account.indexOf('-');
        return dash < 0 ? account : account.substring(0, dash);
    }
}
