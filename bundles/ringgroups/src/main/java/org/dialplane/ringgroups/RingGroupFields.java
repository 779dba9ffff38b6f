package org.dialplane.ringgroups;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.ringgroups.api.RingGroupChange;

/**
 * The fields of a ring group as Issabel's pbxapi shows them, where each lives in IssabelPBX's storage, and the
 * validation of a request body. Declared in the order the seed lists them, so {@code fields=*} answers in
 * that order; the default set is the seed's list example.
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

    static final FieldSet FIELDS = FieldSet.builder()
            .field("alert_info", "r.alertinfo")
            .field("announce_id", "COALESCE(r.annmsg_id, 0)")
            .field("change_callerid", astdb("changecid", "default"), DEFAULT, UNSORTABLE)
            .field("cid_name_prefix", "r.grppre")
            .field("confirm_calls", checkbox("r.needsconf"))
            .field("destination", "CONCAT('from-internal,', r.grpnum, ',1')", DEFAULT, UNSORTABLE)
            .field("destination_if_no_answer", "r.postdest")
            .field("enable_call_pickup", checkbox("r.cpickup"))
            .field("extension", "CAST(r.grpnum AS UNSIGNED)", DEFAULT, SEARCHABLE)
            .field(MEMBERS, "r.grplist", DEFAULT, UNSORTABLE)
            .field("fixed_callerid", astdb("fixedcid", ""), DEFAULT, UNSORTABLE)
            .field("id", "CAST(r.grpnum AS UNSIGNED)", DEFAULT)
            .field("ignore_call_forward_settings", checkbox("r.cfignore"))
            .field("music_on_hold_ringing", "r.ringing")
            .field("name", "r.description", DEFAULT, SEARCHABLE)
            .field("recording", "r.recording")
            .field("remote_announce_id", "COALESCE(r.remotealert_id, 0)")
            .field("ring_time", "r.grptime")
            .field("skip_busy_agent", checkbox("r.cwignore"))
            .field("strategy", "r.strategy", DEFAULT)
            .field("too_late_announce_id", "COALESCE(r.toolate_id, 0)")
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
        Validation v = Validation.of(body);
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, String> callerId = new LinkedHashMap<>();
        String extension = v.text("extension").matches(NUMBER, "2 to 10 digits").value();
        List<String> members = v.textList(MEMBERS).required(creating).distinct()
                .items(MEMBER, "an extension number, or an external number ending in #").value();
        if (members != null && members.isEmpty()) {
            v.error(MEMBERS, "must not be empty"); // an update too: a ring group that rings nobody is a mistake
        } else if (members != null) {
            String grplist = IssabelRingGroup.joinMembers(members);
            if (grplist.length() > 255) {
                v.error(MEMBERS, "must fit in 255 characters when joined with '-'");
            }
            columns.put(IssabelRingGroup.MEMBERS_COLUMN, grplist);
        }
        put(columns, "description", v.text("name").maxLength(35).value());
        put(columns, "strategy", v.text("strategy").oneOf(STRATEGIES).value());
        put(columns, "grptime", v.integer("ring_time").range(1, 300).value());
        put(columns, "grppre", v.text("cid_name_prefix").maxLength(100).value());
        put(columns, "annmsg_id", v.integer("announce_id").range(0, Integer.MAX_VALUE).value());
        put(columns, "remotealert_id", v.integer("remote_announce_id").range(0, Integer.MAX_VALUE).value());
        put(columns, "toolate_id", v.integer("too_late_announce_id").range(0, Integer.MAX_VALUE).value());
        put(columns, "postdest", v.text("destination_if_no_answer").maxLength(255)
                .matches(DESTINATION, "a destination context,extension,priority").value());
        put(columns, "alertinfo", v.text("alert_info").maxLength(255).value());
        put(columns, "ringing", v.text("music_on_hold_ringing")
                .matches(MUSIC_CLASS, "Ring, none, default or a music on hold class").value());
        put(columns, "recording", v.text("recording").oneOf(RECORDING_MODES).value());
        CHECKBOXES.forEach((field, column) -> {
            Boolean ticked = checkbox(body, v, field);
            if (ticked != null) {
                columns.put(column, IssabelRingGroup.checkbox(ticked));
            }
        });
        String changeCid = v.text("change_callerid").oneOf(CALLER_ID_MODES).value();
        if (changeCid != null) {
            callerId.put("changecid", changeCid);
        }
        String fixedCid = v.text("fixed_callerid").matches(CALLER_ID, "digits and + (at most 40)").value();
        if (fixedCid != null) {
            callerId.put("fixedcid", fixedCid);
        }
        v.check();
        return new RingGroupChange(extension, columns, callerId);
    }

    private static void put(Map<String, Object> columns, String column, Object value) {
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
