package org.dialplane.testing.fakeami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake PBX knows (live channels, queue members, the AstDB) and how it answers the actions Dialplane
 * sends, in the shapes Asterisk 16 uses (AMI 7.0).
 */
public final class PbxState {
    private final FakeAmiServer server;
    private final List<Map<String, String>> channels = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> queueMembers = new CopyOnWriteArrayList<>();
    private final Map<String, String> astDb = new ConcurrentHashMap<>();
    private final AtomicLong uniqueIds = new AtomicLong(1_700_000_000L);
    private volatile String reloads = "";

    PbxState(FakeAmiServer server) {
        this.server = server;
    }

    /** Adds a live channel, shown by CoreShowChannels; returns its fields (Channel, Uniqueid, ...). */
    public Map<String, String> addChannel(String channel, String callerIdNum, String exten) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Channel", channel);
        fields.put("ChannelState", "6");
        fields.put("ChannelStateDesc", "Up");
        fields.put("CallerIDNum", callerIdNum);
        fields.put("CallerIDName", callerIdNum);
        fields.put("Context", "from-internal");
        fields.put("Exten", exten);
        fields.put("Priority", "1");
        fields.put("Uniqueid", nextUniqueId());
        fields.put("Linkedid", fields.get("Uniqueid"));
        fields.put("Application", "Dial");
        fields.put("Duration", "00:00:10");
        channels.add(fields);
        return fields;
    }

    public List<Map<String, String>> channels() {
        return List.copyOf(channels);
    }

    public void addQueueMember(String queue, String iface, String name) {
        Map<String, String> member = new LinkedHashMap<>();
        member.put("Queue", queue);
        member.put("Name", name);
        member.put("Location", iface);
        member.put("StateInterface", iface);
        member.put("Membership", "static");
        member.put("Penalty", "0");
        member.put("CallsTaken", "0");
        member.put("Status", "1");
        member.put("Paused", "0");
        member.put("PausedReason", "");
        queueMembers.add(member);
    }

    public List<Map<String, String>> queueMembers() {
        return List.copyOf(queueMembers);
    }

    public Map<String, String> astDb() {
        return astDb;
    }

    /** The modules reloaded so far, comma separated ("all" for a full reload). */
    public String reloads() {
        return reloads;
    }

    List<AmiMessage> handle(AmiMessage action) {
        return switch (action.action().toLowerCase(java.util.Locale.ROOT)) {
            case "ping" -> List.of(AmiMessage.response("Success", action).with("Ping", "Pong")
                    .with("Timestamp", System.currentTimeMillis() / 1000.0));
            case "command" -> List.of(command(action));
            case "coresettings" -> List.of(AmiMessage.response("Success", action).with("AMIversion", "7.0.3")
                    .with("AsteriskVersion", "16.30.0").with("SystemName", "").with("CoreMaxCalls", 0)
                    .with("CoreRunUser", "asterisk").with("CoreRunGroup", "asterisk")
                    .with("CoreCDRenabled", "Yes").with("CoreHTTPenabled", "No"));
            case "reload" -> reload(action);
            case "corestatus" -> List.of(AmiMessage.response("Success", action).with("CoreCurrentCalls",
                    channels.size()));
            case "coreshowchannels" -> eventList(action, "Channels will follow", "CoreShowChannel", channels,
                    "CoreShowChannelsComplete");
            case "queuestatus" -> queueStatus(action);
            case "queuepause" -> queuePause(action);
            case "originate" -> originate(action);
            case "hangup" -> hangup(action);
            case "dbget" -> dbGet(action);
            case "dbput" -> {
                astDb.put(action.get("Family") + "/" + action.get("Key"), String.valueOf(action.get("Val")));
                yield List.of(AmiMessage.success(action, "Updated database successfully"));
            }
            case "dbdel" -> List.of(astDb.remove(action.get("Family") + "/" + action.get("Key")) != null
                    ? AmiMessage.success(action, "Key deleted successfully")
                    : AmiMessage.error(action, "Database entry not found"));
            case "dbdeltree" -> {
                String prefix = action.get("Family") + (action.get("Key") == null ? "" : "/" + action.get("Key"));
                boolean removed = astDb.keySet().removeIf(key -> key.equals(prefix) || key.startsWith(prefix + "/"));
                yield List.of(removed ? AmiMessage.success(action, "Key tree deleted successfully")
                        : AmiMessage.error(action, "Database entry not found"));
            }
            case "extensionstate" -> List.of(AmiMessage.success(action, "Extension Status")
                    .with("Exten", String.valueOf(action.get("Exten"))).with("Context", String.valueOf(action.get("Context")))
                    .with("Hint", "SIP/" + action.get("Exten")).with("Status", 0).with("StatusText", "Idle"));
            case "getvar" -> List.of(AmiMessage.response("Success", action).with("Variable", String.valueOf(action.get("Variable")))
                    .with("Value", "fake-" + action.get("Variable")));
            case "setvar", "queueadd", "queueremove", "redirect", "userevent", "events" ->
                    List.of(AmiMessage.success(action, action.action() + " done"));
            default -> List.of(AmiMessage.error(action, "Invalid/unknown command"));
        };
    }

    private AmiMessage command(AmiMessage action) {
        String command = String.valueOf(action.get("Command")).trim();
        AmiMessage response = AmiMessage.success(action, "Command output follows");
        if (command.equals("core show version")) {
            return response.with("Output", "Asterisk 16.30.0 built by fake @ dialplane on a x86_64 running Linux");
        }
        if (command.equals("core show channels count")) {
            return response.with("Output", channels.size() + " active calls");
        }
        if (command.startsWith("core reload") || command.equals("reload") || command.startsWith("dialplan reload")) {
            reloads = reloads.isEmpty() ? "all" : reloads + ",all";
            return response;
        }
        return response.with("Output", "No such command '" + command + "' (type 'core show help "
                + command + "' for other possible commands)");
    }

    private List<AmiMessage> reload(AmiMessage action) {
        String module = action.get("Module") == null ? "all" : action.get("Module");
        reloads = reloads.isEmpty() ? module : reloads + "," + module;
        server.emit(new AmiMessage().with("Event", "Reload").with("Privilege", "system,all")
                .with("Module", module).with("Status", "0"));
        return List.of(AmiMessage.success(action, "Module Reloaded"));
    }

    private List<AmiMessage> queueStatus(AmiMessage action) {
        String queue = action.get("Queue");
        List<AmiMessage> messages = new ArrayList<>();
        messages.add(AmiMessage.success(action, "Queue status will follow").with("EventList", "start"));
        List<String> queues = queueMembers.stream().map(member -> member.get("Queue")).distinct()
                .filter(name -> queue == null || queue.isEmpty() || queue.equals(name)).toList();
        for (String name : queues) {
            messages.add(AmiMessage.event("QueueParams", action).with("Queue", name).with("Max", 0)
                    .with("Strategy", "ringall").with("Calls", 0).with("Holdtime", 0).with("TalkTime", 0)
                    .with("Completed", 0).with("Abandoned", 0).with("ServiceLevel", 60)
                    .with("ServicelevelPerf", 0.0).with("Weight", 0));
            queueMembers.stream().filter(member -> member.get("Queue").equals(name))
                    .forEach(member -> messages.add(AmiMessage.event("QueueMember", action).withAll(member)));
        }
        messages.add(AmiMessage.event("QueueStatusComplete", action).with("EventList", "Complete")
                .with("ListItems", messages.size() - 1));
        return messages;
    }

    private List<AmiMessage> queuePause(AmiMessage action) {
        String iface = action.get("Interface");
        boolean paused = "true".equalsIgnoreCase(action.get("Paused")) || "1".equals(action.get("Paused"));
        List<Map<String, String>> matching = queueMembers.stream()
                .filter(member -> member.get("Location").equalsIgnoreCase(iface))
                .filter(member -> action.get("Queue") == null || member.get("Queue").equals(action.get("Queue")))
                .toList();
        if (matching.isEmpty()) {
            return List.of(AmiMessage.error(action, "Interface not found"));
        }
        for (Map<String, String> member : matching) {
            member.put("Paused", paused ? "1" : "0");
            member.put("PausedReason", action.get("Reason") == null ? "" : action.get("Reason"));
            server.emit(queueMemberPause(member));
        }
        return List.of(AmiMessage.success(action, paused ? "Interface paused successfully"
                : "Interface unpaused successfully"));
    }

    /**
     * The event as Asterisk 12 and later send it: the member's fields of QueueStatus, but {@code Interface} and
     * {@code MemberName} where QueueStatus says {@code Location} and {@code Name}.
     */
    private static AmiMessage queueMemberPause(Map<String, String> member) {
        AmiMessage event = new AmiMessage().with("Event", "QueueMemberPause").with("Privilege", "agent,all");
        member.forEach((field, value) -> event.with(switch (field) {
            case "Location" -> "Interface";
            case "Name" -> "MemberName";
            default -> field;
        }, value));
        return event;
    }

    /** Queues the call, then reports it with an OriginateResponse carrying the action's ActionID. */
    private List<AmiMessage> originate(AmiMessage action) {
        String channel = action.get("Channel") == null ? "" : action.get("Channel");
        String uniqueId = nextUniqueId();
        List<AmiMessage> messages = new ArrayList<>();
        messages.add(AmiMessage.success(action, "Originate successfully queued"));
        messages.add(AmiMessage.event("OriginateResponse", action).with("Privilege", "call,all")
                .with("Response", "Success").with("Channel", channel)
                .with("Context", String.valueOf(action.get("Context")))
                .with("Exten", String.valueOf(action.get("Exten"))).with("Reason", 4)
                .with("Uniqueid", uniqueId).with("CallerIDNum", channel).with("CallerIDName", channel));
        return messages;
    }

    private List<AmiMessage> hangup(AmiMessage action) {
        String channel = action.get("Channel");
        Map<String, String> found = channels.stream().filter(fields -> fields.get("Channel").equals(channel))
                .findFirst().orElse(null);
        if (found == null) {
            return List.of(AmiMessage.error(action, "No such channel"));
        }
        channels.remove(found);
        server.emit(new AmiMessage().with("Event", "Hangup").with("Privilege", "call,all")
                .with("Channel", channel).with("Uniqueid", found.get("Uniqueid")).with("Cause", 16)
                .with("Cause-txt", "Normal Clearing"));
        return List.of(AmiMessage.success(action, "Channel Hungup"));
    }

    private List<AmiMessage> dbGet(AmiMessage action) {
        String value = astDb.get(action.get("Family") + "/" + action.get("Key"));
        if (value == null) {
            return List.of(AmiMessage.error(action, "Database entry not found"));
        }
        return List.of(AmiMessage.success(action, "Result will follow").with("EventList", "start"),
                AmiMessage.event("DBGetResponse", action).with("Family", action.get("Family"))
                        .with("Key", action.get("Key")).with("Val", value),
                AmiMessage.event("DBGetComplete", action).with("EventList", "Complete").with("ListItems", 1));
    }

    private List<AmiMessage> eventList(AmiMessage action, String message, String itemEvent,
            List<Map<String, String>> items, String completeEvent) {
        List<AmiMessage> messages = new ArrayList<>();
        messages.add(AmiMessage.success(action, message).with("EventList", "start"));
        items.forEach(item -> messages.add(AmiMessage.event(itemEvent, action).withAll(item)));
        messages.add(AmiMessage.event(completeEvent, action).with("EventList", "Complete")
                .with("ListItems", items.size()));
        return messages;
    }

    private String nextUniqueId() {
        return uniqueIds.incrementAndGet() + ".1";
    }
}
