package org.dialplane.ringgroups;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.KEY;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.ringgroups.api.RingGroupChange;

/**
 * The fields of a ring group, declared once: what Issabel's pbxapi shows, where each lives in IssabelPBX's
 * storage, and what a request body may set, which drives {@link #validate} and the OpenAPI schemas. Declared in
 * the order the seed lists them, so {@code fields=*} answers in that order; the default set is the seed's list
 * example; the defaults are those {@link RingGroupChange#withDefaults} gives a new group.
 */
final class RingGroupFields {
    static final List<String> STRATEGIES = List.of("ringall", "ringall-prim", "hunt", "hunt-prim", "memoryhunt",
            "memoryhunt-prim", "firstavailable", "firstnotonphone");
    static final List<String> RECORDING_MODES = List.of("always", "dontcare", "never");
    static final List<String> CALLER_ID_MODES = List.of("default", "fixed", "extern", "did", "forcedid");
    static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");
    /** An extension, or an external number ending in {@code #}, as IssabelPBX's ring group form accepts. */
    static final Pattern MEMBER = Pattern.compile("[0-9*+]{1,30}#?");
    static final Pattern DESTINATION = Pattern.compile("[^,\\s]+,[^,\\s]+,[^,\\s]+");
    static final Pattern MUSIC_CLASS = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    /** IssabelPBX keeps only digits and {@code +} of a fixed caller id. */
    static final Pattern CALLER_ID = Pattern.compile("[0-9+]{0,40}");
    static final String MEMBERS = "extension_list";
    /** The checkbox fields and their columns. */
    static final Map<String, String> CHECKBOXES = Map.of("confirm_calls", "needsconf",
            "skip_busy_agent", "cwignore", "ignore_call_forward_settings", "cfignore",
            "enable_call_pickup", "cpickup");
    /** The fields answered as JSON numbers, as the seed shows them; every other field is a string. */
    static final Set<String> NUMBERS = Set.of("ring_time", "announce_id", "remote_announce_id",
            "too_late_announce_id");

    /** pbxapi's checkboxes: answered on/off; also accepted as booleans, 1/0 and yes/no ({@link #checkbox}). */
    private static final FieldSpec CHECKBOX = FieldSpec.text().oneOf("on", "off").defaultValue("off").custom()
            .description("on or off (also accepted: true/false, 1/0, yes/no)");
    private static final FieldSpec RECORDING_ID = FieldSpec.integer().range(0, Integer.MAX_VALUE).defaultValue(0);

    static final FieldSet FIELDS = FieldSet.builder()
            .field("alert_info", "r.alertinfo", FieldSpec.text().maxLength(255).defaultValue(""))
            .field("announce_id", "COALESCE(r.annmsg_id, 0)", RECORDING_ID
                    .description("system recording played to the caller first; 0: none"))
            .field("change_callerid", astdb("changecid", "default"), FieldSpec.text().oneOf(CALLER_ID_MODES)
                    .defaultValue("default"), DEFAULT, UNSORTABLE)
            .field("cid_name_prefix", "r.grppre", FieldSpec.text().maxLength(100).defaultValue(""))
            .field("confirm_calls", checkbox("r.needsconf"), CHECKBOX)
            .field("destination", "CONCAT('from-internal,', r.grpnum, ',1')", FieldSpec.text().readOnly()
                    .description("where calls to the group go: from-internal,<extension>,1"), DEFAULT, UNSORTABLE)
            .field("destination_if_no_answer", "r.postdest", FieldSpec.text().maxLength(255)
                    .matches(DESTINATION, "a destination context,extension,priority")
                    .defaultValue("app-blackhole,hangup,1"))
            .field("enable_call_pickup", checkbox("r.cpickup"), CHECKBOX)
            .field("extension", "CAST(r.grpnum AS UNSIGNED)", FieldSpec.text().matches(NUMBER, "2 to 10 digits")
                    .description("the number; POST takes the next free one when it is not sent"), DEFAULT, SEARCHABLE,
                    KEY)
            .field(MEMBERS, "r.grplist", FieldSpec.textList().required().nonEmpty().distinct()
                    .matches(MEMBER, "an extension number, or an external number ending in #")
                    .description("the numbers rung, at most 255 characters joined with '-'. A tenant's caller may"
                            + " list only its tenant's extensions and external numbers (<number>#) that one of its"
                            + " custom destinations of an external-number type dials; any other entry (another"
                            + " tenant's number or nobody's) is a 422 naming it. Global callers may list any"),
                    DEFAULT, UNSORTABLE)
            .field("fixed_callerid", astdb("fixedcid", ""), FieldSpec.text().matches(CALLER_ID,
                    "digits and + (at most 40)").defaultValue(""), DEFAULT, UNSORTABLE)
            .field("id", "CAST(r.grpnum AS UNSIGNED)", FieldSpec.text().readOnly().description("the number"),
                    DEFAULT)
            .field("ignore_call_forward_settings", checkbox("r.cfignore"), CHECKBOX)
            .field("music_on_hold_ringing", "r.ringing", FieldSpec.text()
                    .matches(MUSIC_CLASS, "Ring, none, default or a music on hold class").defaultValue("Ring"))
            .field("name", "r.description", FieldSpec.text().maxLength(35)
                    .description("by default Ring Group <extension>"), DEFAULT, SEARCHABLE)
            .field("recording", "r.recording", FieldSpec.text().oneOf(RECORDING_MODES).defaultValue("dontcare"))
            .field("remote_announce_id", "COALESCE(r.remotealert_id, 0)", RECORDING_ID)
            .field("ring_time", "r.grptime", FieldSpec.integer().range(1, 300).defaultValue(20)
                    .description("seconds"))
            .field("skip_busy_agent", checkbox("r.cwignore"), CHECKBOX)
            .field("strategy", "r.strategy", FieldSpec.text().oneOf(STRATEGIES).defaultValue("ringall"), DEFAULT)
            .field("too_late_announce_id", "COALESCE(r.toolate_id, 0)", RECORDING_ID)
            .orderBy("extension")
            .build();

    private static final Map<String, Boolean> CHECKBOX_WORDS = Map.of("1", true, "on", true, "yes", true,
            "true", true, "checked", true, "0", false, "off", false, "no", false, "false", false, "", false);

    private RingGroupFields() {
    }

    /** A caller id key of the AstDB mirror, or its default for a group IssabelPBX created without one. */
    private static String astdb(String key, String fallback) {
        return "COALESCE((SELECT a.value FROM dp_astdb a WHERE a.family = '" + IssabelRingGroup.FAMILY + "'"
                + " AND a.keyname = CONCAT(r.grpnum, '/" + key + "')), '" + fallback + "')";
    }

    /** A checkbox column shown as pbxapi shows it: {@code on} when ticked, else {@code off}. */
    private static String checkbox(String column) {
        return "CASE WHEN " + column + " = '" + IssabelRingGroup.CHECKED + "' THEN 'on' ELSE 'off' END";
    }

    /** A row as the API shows it: the numbers as JSON numbers, the members as a list. */
    static Map<String, Object> shown(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        for (String field : NUMBERS) {
            if (shown.get(field) instanceof String text) {
                shown.put(field, Long.valueOf(text));
            }
        }
        if (shown.containsKey(MEMBERS)) {
            shown.put(MEMBERS, IssabelRingGroup.splitMembers((String) shown.get(MEMBERS)));
        }
        return shown;
    }

    /**
     * What a request asks to set, in storage form: only the fields sent. {@code extension_list} is required on
     * create; {@code id} and {@code destination} are read-only and ignored, so a GET answer can be sent back.
     */
    static RingGroupChange validate(JsonBody body, boolean creating) {
        Checked checked = checked(body, creating);
        checked.validation().check();
        return checked.change();
    }

    /** A body checked, with its problems collected rather than thrown: an import names every bad row at once. */
    record Checked(Validation validation, RingGroupChange change) {
    }

    /** {@link #validate} without the 422: the change holds the fields that passed. */
    static Checked checked(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, String> callerId = new LinkedHashMap<>();
        List<String> members = v.value(MEMBERS);
        if (members != null) {
            String grplist = IssabelRingGroup.joinMembers(members);
            if (grplist.length() > 255) {
                v.error(MEMBERS, "must fit in 255 characters when joined with '-'");
            }
            columns.put(IssabelRingGroup.MEMBERS_COLUMN, grplist);
        }
        put(columns, "description", v.value("name"));
        put(columns, "strategy", v.value("strategy"));
        put(columns, "grptime", v.value("ring_time"));
        put(columns, "grppre", v.value("cid_name_prefix"));
        put(columns, "annmsg_id", v.value("announce_id"));
        put(columns, "remotealert_id", v.value("remote_announce_id"));
        put(columns, "toolate_id", v.value("too_late_announce_id"));
        put(columns, "postdest", v.value("destination_if_no_answer"));
        put(columns, "alertinfo", v.value("alert_info"));
        put(columns, "ringing", v.value("music_on_hold_ringing"));
        put(columns, "recording", v.value("recording"));
        CHECKBOXES.forEach((field, column) -> {
            Boolean ticked = checkbox(body, v, field);
            if (ticked != null) {
                columns.put(column, IssabelRingGroup.checkbox(ticked));
            }
        });
        put(callerId, "changecid", v.value("change_callerid"));
        put(callerId, "fixedcid", v.value("fixed_callerid"));
        return new Checked(v, new RingGroupChange(v.value("extension"), columns, callerId));
    }

    private static <V> void put(Map<String, V> columns, String column, V value) {
        if (value != null) {
            columns.put(column, value);
        }
    }

    /** A checkbox as clients send it: pbxapi's own {@code on/off}, booleans, {@code 1/0}, {@code yes/no}. */
    private static Boolean checkbox(JsonBody body, Validation v, String field) {
        Object raw = body == null ? null : body.get(field);
        if (raw == null) {
            return null;
        }
        if (raw instanceof String text) {
            Boolean ticked = CHECKBOX_WORDS.get(text.trim().toLowerCase(Locale.ROOT));
            if (ticked == null) {
                v.error(field, "must be on or off");
            }
            return ticked;
        }
        return v.bool(field).value(); // true/false or 1/0; anything else is already an error
    }
}
