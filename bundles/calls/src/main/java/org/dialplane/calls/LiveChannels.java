package org.dialplane.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.ami.AmiEvent;

/**
 * The live channels of {@code CoreShowChannels} as the API shows them, and how many calls they make. Which of
 * them a tenant sees is core's {@link org.dialplane.core.pbx.Channels#concerns} rule, shared with the events.
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

    /** The number of calls: channels that share a Linkedid are one call. */
    static long calls(List<AmiEvent> channels) {
        return channels.stream().map(channel -> {
            String linked = channel.get("Linkedid");
            return linked == null || linked.isEmpty() ? channel.get("Uniqueid") : linked;
        }).distinct().count();
    }
}
