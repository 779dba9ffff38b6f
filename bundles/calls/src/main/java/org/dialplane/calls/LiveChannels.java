package org.dialplane.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.dialplane.core.ami.AmiEvent;

/**
 * The live channels of {@code CoreShowChannels} as the API shows them, and which of them a tenant sees.
 * A tenant sees a channel when one of its extensions is the channel's device ({@code SIP/402-0000001a}), its
 * caller id number or its account code ({@code 402} or MiRTA's {@code 402-DEVEL}). That is simple and covers
 * calls its phones make or answer and calls it originates; a call that reaches it only through a trunk, a queue
 * or a ring group shows once one of its phones has a channel in it.
 */
final class LiveChannels {
    /** The API's field names and the CoreShowChannel fields they come from. */
    private static final Map<String, String> FIELDS = fields();

    private LiveChannels() {
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel", "Channel");
        fields.put("uniqueid", "Uniqueid");
        fields.put("linkedid", "Linkedid");
        fields.put("state", "ChannelStateDesc");
        fields.put("callerid_num", "CallerIdNum");
        fields.put("callerid_name", "CallerIdName");
        fields.put("connected_num", "ConnectedLineNum");
        fields.put("connected_name", "ConnectedLineName");
        fields.put("accountcode", "Accountcode");
        fields.put("context", "Context");
        fields.put("exten", "Exten");
        fields.put("priority", "Priority");
        fields.put("application", "Application");
        fields.put("application_data", "Applicationdata");
        fields.put("duration", "Duration");
        fields.put("bridge_id", "Bridgeid");
        return fields;
    }

    static Map<String, Object> toJson(AmiEvent channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        FIELDS.forEach((name, field) -> json.put(name, channel.get(field)));
        return json;
    }

    /** Everything for a global caller ({@code extensions} null), else the channels of those extensions. */
    static Predicate<AmiEvent> visibleTo(Set<String> extensions) {
        if (extensions == null) {
            return channel -> true;
        }
        return channel -> extensions.contains(device(channel.get("Channel")))
                || extensions.contains(channel.get("CallerIdNum"))
                || extensions.contains(account(channel.get("Accountcode")));
    }

    /** {@code SIP/402-0000001a} is device 402; {@code Local/402@from-internal-0001;1} is 402 too. */
    static String device(String channel) {
        if (channel == null || channel.indexOf('/') < 0) {
            return null;
        }
        String name = channel.substring(channel.indexOf('/') + 1);
        int end = name.length();
        for (char stop : new char[] {'@', '-', ';'}) {
            int at = name.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return name.substring(0, end);
    }

    /** {@code 402-DEVEL} (MiRTA's account code: extension and tenant) is extension 402, as {@code 402} is. */
    static String account(String account) {
        if (account == null) {
            return null;
        }
        int dash = account.indexOf('-');
        return dash < 0 ? account : account.substring(0, dash);
    }

    /** The number of calls: channels that share a Linkedid are one call. */
    static long calls(List<AmiEvent> channels) {
        return channels.stream().map(channel -> {
            String linked = channel.get("Linkedid");
            return linked == null || linked.isEmpty() ? channel.get("Uniqueid") : linked;
        }).distinct().count();
    }
}
