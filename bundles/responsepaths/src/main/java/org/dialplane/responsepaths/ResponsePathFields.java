package org.dialplane.responsepaths;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.responsepaths.api.Destination;
import org.dialplane.responsepaths.api.ResponsePathChange;
import org.dialplane.responsepaths.api.Variable;

/**
 * The fields of a response path, declared once (the body issue 13 fixed: {@code name}, {@code prompts},
 * {@code variables}, {@code voicefile}, {@code destination}), and the checks of a body the declaration cannot say:
 * each variable's name and digits, the destination's type and id.
 */
final class ResponsePathFields {
    static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    /** An XML element name of GETLAST's answer, and safe in a dialplan variable name. */
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    /** The elements GETLAST's XML answer has besides the variables. */
    static final Set<String> RESERVED_NAMES = Set.of("result", "agent", "status", "queue", "caller", "voicefile");
    static final Pattern DESTINATION_NUMBER = Pattern.compile("[0-9]{1,20}");
    /** IssabelPBX's {@code context,exten,priority}, in characters that cannot break a dialplan line. */
    static final Pattern CUSTOM_TARGET = Pattern.compile("[A-Za-z0-9_.-]{1,40},[A-Za-z0-9_.+*#-]{1,30},[0-9]{1,5}");
    static final int MAX_PROMPTS = 30;
    /** The id of one of Dialplane\'s custom destinations ({@code /pbxapi/customdestinations}). */
    static final Pattern CUSTOM_ID = Pattern.compile("[1-9][0-9]{0,17}");
    static final int MAX_VARIABLES = 20;
    static final int MAX_DIGITS = 40;

    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "p.id", FieldSpec.integer().readOnly().description("the id the system gave the path"),
                    DEFAULT)
            .field("name", "p.name", FieldSpec.text().required().length(1, 80), DEFAULT, SEARCHABLE)
            .field("prompts", "p.prompts", FieldSpec.textList().maxItems(MAX_PROMPTS)
                    .matches(NUMBER, "a media file id")
                    .description("media file ids played in order: the prompts beyond one per variable come first,"
                            + " then one asks for each variable"), DEFAULT, UNSORTABLE)
            .field("variables", null, FieldSpec.any().custom()
                    .description("[{\"name\": \"ClientID\", \"max_digits\": 8}]: read from the caller's DTMF in"
                            + " order; GET shows the id the system gave each (the TypeId of its VARIABLE steps)"),
                    DEFAULT)
            .field("voicefile", "p.voicefile", FieldSpec.bool().defaultValue(false)
                    .description("whether the caller then leaves a voice message"), DEFAULT)
            .field("destination", null, FieldSpec.object().required()
                    .description("{\"type\": \"extension|queue|ringgroup|custom\", \"id\": \"...\"}: where the"
                            + " caller goes last; a custom id is a custom destination's id (/pbxapi/customdestinations)"
                            + " or an IssabelPBX custom destination's target, context,exten,1"),
                    DEFAULT)
            .field("context", "p.id", FieldSpec.text().readOnly()
                    .description("the dialplan context that runs the path: send calls to dp-responsepath-<id>,s,1"),
                    DEFAULT, UNSORTABLE)
            .orderBy("id")
            .build();

    /** The fields of a recorded run ({@code Run.asMap()}); {@code id} and {@code started} sort a page of runs. */
    static final FieldSet RUN_FIELDS = FieldSet.builder()
            .field("id", "r.id", FieldSpec.integer().readOnly().description("the run's id; also its voice file's"),
                    DEFAULT)
            .field("path_id", null, FieldSpec.text().readOnly(), DEFAULT)
            .field("uniqueid", null, FieldSpec.text().readOnly().description("the caller's channel's Uniqueid"),
                    DEFAULT)
            .field("status", null, FieldSpec.text().readOnly().description("ACTIVE while the call is on, then"
                    + " NOT ACTIVE"), DEFAULT)
            .field("started", "r.started_at", FieldSpec.text().readOnly(), DEFAULT)
            .field("ended", null, FieldSpec.text().readOnly(), DEFAULT)
            .field("agent", null, FieldSpec.text().readOnly().description("who answered: <extension>-<TENANT>"),
                    DEFAULT)
            .field("queue", null, FieldSpec.text().readOnly().description("the queue number"), DEFAULT)
            .field("caller", null, FieldSpec.text().readOnly().description("Name <number>"), DEFAULT)
            .field("variables", null, FieldSpec.any().readOnly().description("each variable's name and the digits"
                    + " entered"), DEFAULT)
            .field("voicefile", null, FieldSpec.text().readOnly().description("the voice file's id, for"
                    + " /voicefiles/{objectid}"), DEFAULT)
            .field("steps", null, FieldSpec.any().readOnly().description("[{type, type_id, value, type_name,"
                    + " value_name, time}], in order: GETLAST's lines"), DEFAULT)
            .orderBy("id")
            .build();

    private ResponsePathFields() {
    }

    static ResponsePathChange validate(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        List<Variable> variables = body != null && body.has("variables") ? variables(v, body.get("variables"))
                : null;
        Destination destination = body != null && body.has("destination")
                ? destination(v, body.get("destination")) : null;
        if (creating && (body == null || !body.has("destination"))) {
            v.error("destination", "is required");
        }
        v.check();
        return new ResponsePathChange(v.value("name"), v.value("prompts"), variables, v.value("voicefile"),
                destination);
    }

    private static List<Variable> variables(Validation v, Object sent) {
        if (!(sent instanceof List<?> items)) {
            v.error("variables", "must be a list of {\"name\", \"max_digits\"?}");
            return null;
        }
        if (items.size() > MAX_VARIABLES) {
            v.error("variables", "at most " + MAX_VARIABLES + " variables");
        }
        List<Variable> variables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "variables[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                v.error(at, "must be an object {\"name\", \"max_digits\"?}");
                continue;
            }
            String name = item.get("name") instanceof String text ? text.trim() : null;
            if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
                v.error(at + ".name", "must be a letter then letters, digits or _ (at most 40)");
            } else if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))
                    || name.toLowerCase(Locale.ROOT).startsWith("xml")) {
                v.error(at + ".name", "must not be Agent, Status, Queue, Caller, VoiceFile or Result, nor start"
                        + " with xml: GETLAST's XML answer uses those");
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                v.error(at + ".name", "is given twice");
            }
            Integer maxDigits = whole(v, at + ".max_digits", item.get("max_digits"), 1, MAX_DIGITS);
            Integer id = whole(v, at + ".id", item.get("id"), 1, Integer.MAX_VALUE);
            variables.add(new Variable(id == null ? null : id.longValue(), name, maxDigits));
        }
        return variables;
    }

    private static Destination destination(Validation v, Object sent) {
        if (!(sent instanceof Map<?, ?> object)) {
            v.error("destination", "must be an object {\"type\", \"id\"}");
            return null;
        }
        Object type = object.get("type");
        if (!(type instanceof String kind) || !Destination.TYPES.contains(kind)) {
            v.error("destination.type", "must be one of: " + String.join(", ", Destination.TYPES));
            return null;
        }
        Object id = object.get("id");
        String text = id instanceof String || id instanceof Number ? id.toString().trim() : null;
        boolean custom = Destination.CUSTOM.equals(kind);
        boolean valid = text != null && (custom ? CUSTOM_TARGET.matcher(text).matches() || CUSTOM_ID.matcher(text)
                .matches() : DESTINATION_NUMBER.matcher(text).matches());
        if (!valid) {
            v.error("destination.id", custom
                    ? "must be a custom destination's id (/pbxapi/customdestinations) or an IssabelPBX custom"
                            + " destination's target: context,exten,priority"
                    : "must be the " + kind + "'s number");
            return null;
        }
        return new Destination(kind, text);
    }

    private static Integer whole(Validation v, String field, Object value, int min, int max) {
        if (value == null) {
            return null;
        }
        try {
            long number = value instanceof Number n && !(value instanceof Double || value instanceof Float)
                    ? n.longValue() : Long.parseLong(value.toString().trim());
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        v.error(field, "must be from " + min + " to " + max);
        return null;
    }
}
