package org.dialplane.manager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Validation;

/**
 * The allow-list of {@code /pbxapi/manager/{action}}: every action and field that may reach Asterisk, and how
 * each is checked. Anything not here (Command, UpdateConfig, GetConfig, Originate with an Application...) never
 * reaches AMI: Issabel's pass-through let {@code Originate Application=System} run shell commands.
 */
final class ManagerActions {
    /** AstDB families IssabelPBX keeps user and feature state in; others (e.g. SIP, registrar) stay private. */
    static final Set<String> DB_FAMILIES = Set.of("AMPUSER", "DEVICE", "CW", "CF", "CFB", "CFU", "DND",
            "RINGGROUP", "QPENALTY");
    static final List<String> RELOAD_MODULES = List.of("chan_sip.so", "chan_pjsip.so", "res_pjsip.so",
            "app_queue.so", "app_voicemail.so", "res_musiconhold.so", "pbx_config.so", "features",
            "cdr", "dnsmgr", "manager");
    /** TECH/resource, e.g. SIP/100 or Local/100@from-internal. */
    static final Pattern CHANNEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*/[^\\s,]+");
    static final Pattern DIALPLAN_NAME = Pattern.compile("[A-Za-z0-9_.+*#\\-]{1,80}");
    /** A plain variable name: a name ending in ')' would call a dialplan function such as SHELL() or FILE(). */
    static final Pattern VARIABLE_NAME = Pattern.compile("_{0,2}[A-Za-z][A-Za-z0-9_]{0,79}");
    static final Pattern DB_KEY = Pattern.compile("[A-Za-z0-9_.\\-/]{1,120}");
    static final int MAX_TEXT = 128;

    private static final Map<String, AllowedAction> ALLOWED = Map.ofEntries(
            Map.entry("originate", new AllowedAction(List.of("Channel", "Context", "Exten", "Priority",
                    "CallerID", "Timeout", "Variable", "Account", "Async"), Set.of("Application", "Data"),
                    ManagerActions::originate)),
            Map.entry("queueadd", new AllowedAction(List.of("Queue", "Interface", "Penalty", "Paused",
                    "MemberName", "StateInterface"), (v, body) -> AmiAction.of("QueueAdd")
                            .with("Queue", queue(v)).with("Interface", channel(v, "Interface", true))
                            .with("Penalty", v.integer("Penalty").range(0, 1000).value())
                            .with("Paused", flag(v, "Paused"))
                            .with("MemberName", text(v, "MemberName", false))
                            .with("StateInterface", channel(v, "StateInterface", false)))),
            Map.entry("queueremove", new AllowedAction(List.of("Queue", "Interface"), (v, body) -> AmiAction
                    .of("QueueRemove").with("Queue", queue(v)).with("Interface", channel(v, "Interface", true)))),
            Map.entry("queuepause", new AllowedAction(List.of("Interface", "Queue", "Reason"),
                    (v, body) -> queuePause(v, true))),
            Map.entry("queueunpause", new AllowedAction(List.of("Interface", "Queue", "Reason"),
                    (v, body) -> queuePause(v, false))),
            Map.entry("dbget", new AllowedAction(List.of("Family", "Key"), (v, body) -> AmiAction.of("DBGet")
                    .with("Family", family(v)).with("Key", dbKey(v)).collecting("DBGetResponse"))),
            Map.entry("dbput", new AllowedAction(List.of("Family", "Key", "Val"), (v, body) -> AmiAction
                    .of("DBPut").with("Family", family(v)).with("Key", dbKey(v))
                    .with("Val", v.text("Val").required().maxLength(MAX_TEXT).value()))),
            Map.entry("dbdel", new AllowedAction(List.of("Family", "Key"), (v, body) -> AmiAction.of("DBDel")
                    .with("Family", family(v)).with("Key", dbKey(v)))),
            Map.entry("reload", new AllowedAction(List.of("Module"), (v, body) -> AmiAction.of("Reload")
                    .with("Module", module(v)))),
            Map.entry("hangup", new AllowedAction(List.of("Channel", "Cause"), (v, body) -> AmiAction
                    .of("Hangup").with("Channel", channel(v, "Channel", true))
                    .with("Cause", v.integer("Cause").range(0, 127).value()))),
            Map.entry("extensionstate", new AllowedAction(List.of("Exten", "Context"), (v, body) -> AmiAction
                    .of("ExtensionState").with("Exten", dialplan(v, "Exten", true))
                    .with("Context", dialplan(v, "Context", true)))),
            Map.entry("getvar", new AllowedAction(List.of("Channel", "Variable"), (v, body) -> AmiAction
                    .of("Getvar").with("Channel", channel(v, "Channel", false))
                    .with("Variable", v.text("Variable").required()
                            .matches(VARIABLE_NAME, "a variable name (letters, digits, _; no functions)")
                            .value()))));

    private ManagerActions() {
    }

    /** The allowed action named {@code name} (any case), or empty. */
    static Optional<AllowedAction> find(String name) {
        return Optional.ofNullable(ALLOWED.get(ManagerFields.key(name)));
    }

    private static AmiAction originate(Validation v, Map<String, Object> body) {
        AmiAction action = AmiAction.of("Originate").with("Channel", channel(v, "Channel", true))
                .with("Context", dialplan(v, "Context", true)).with("Exten", dialplan(v, "Exten", true))
                .with("Priority", v.integer("Priority").range(1, 1000).orElse(1))
                .with("CallerID", text(v, "CallerID", false))
                .with("Timeout", v.integer("Timeout").range(1000, 120_000).value())
                .with("Account", text(v, "Account", false))
                .with("Async", flag(v, "Async"));
        return action.withVariables(OriginateVariables.parse(v, body.get("Variable")));
    }

    private static AmiAction queuePause(Validation v, boolean paused) {
        return AmiAction.of("QueuePause").with("Interface", channel(v, "Interface", true))
                .with("Queue", v.text("Queue").matches(DIALPLAN_NAME, "a queue name").value())
                .with("Paused", paused ? "true" : "false").with("Reason", text(v, "Reason", false));
    }

    private static String queue(Validation v) {
        return v.text("Queue").required().matches(DIALPLAN_NAME, "a queue name").value();
    }

    private static String channel(Validation v, String field, boolean required) {
        return v.text(field).required(required).maxLength(MAX_TEXT).matches(CHANNEL, "a channel such as SIP/100")
                .value();
    }

    private static String dialplan(Validation v, String field, boolean required) {
        return v.text(field).required(required)
                .matches(DIALPLAN_NAME, "a dialplan name (letters, digits, _ . - + * #)").value();
    }

    private static String text(Validation v, String field, boolean required) {
        return v.text(field).required(required).maxLength(MAX_TEXT).value();
    }

    private static String flag(Validation v, String field) {
        Boolean value = v.bool(field).value();
        return value == null ? null : value.toString();
    }

    private static String family(Validation v) {
        String family = v.text("Family").required().value();
        if (family != null && !DB_FAMILIES.contains(family)) {
            throw ApiException.forbidden("The AstDB family " + family + " is not allowed; allowed: "
                    + String.join(", ", DB_FAMILIES.stream().sorted().toList()));
        }
        return family;
    }

    private static String dbKey(Validation v) {
        return v.text("Key").required().matches(DB_KEY, "an AstDB key (letters, digits, _ . - /)").value();
    }

    private static String module(Validation v) {
        String module = v.text("Module").value();
        if (module != null && !RELOAD_MODULES.contains(module)) {
            throw ApiException.forbidden("Reloading " + module + " is not allowed; allowed: "
                    + String.join(", ", RELOAD_MODULES));
        }
        return module;
    }
}
