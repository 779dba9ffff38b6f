package org.dialplane.extensions;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.KEY;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.extensions.api.ExtensionChange;

/**
 * The fields of an extension, declared once: what the API shows (the default set is Issabel pbxapi's: extension,
 * name, tech, dial, secret), where each lives in IssabelPBX's tables, and what a request body may set, which
 * drives {@link #validate} and the OpenAPI schemas. Every column is answered as text, as pbxapi does; the
 * defaults are those {@link ExtensionChange#withDefaults} gives a new extension.
 */
final class ExtensionFields {
    static final List<String> RECORDING_MODES = List.of("always", "dontcare", "never");
    static final List<String> VOICEMAIL = List.of("novm", "default");
    static final List<String> TECHS = List.of("sip", "pjsip");
    /** The four recording settings and their AstDB keys under AMPUSER/&lt;ext&gt;/. */
    static final Map<String, String> RECORDING_KEYS = Map.of(
            "recording_in_internal", "recording/in/internal",
            "recording_in_external", "recording/in/external",
            "recording_out_internal", "recording/out/internal",
            "recording_out_external", "recording/out/external");
    static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");

    private static final FieldSpec RECORDING = FieldSpec.text().oneOf(RECORDING_MODES).defaultValue("dontcare");
    /** What the API shows but does not set: IssabelPBX's other columns, as text. */
    private static final FieldSpec SHOWN = FieldSpec.text().readOnly();

    static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "CAST(u.extension AS UNSIGNED)", FieldSpec.text().matches(NUMBER, "2 to 10 digits")
                    .description("the number; POST takes the next free one when it is not sent"), DEFAULT, SEARCHABLE, KEY)
            .field("name", "d.description", FieldSpec.text().maxLength(50).defaultValue("Extension")
                    .description("the name shown on calls; no <, > or control characters"), DEFAULT, SEARCHABLE)
            .field("tech", "d.tech", FieldSpec.text().oneOf(TECHS).defaultValue("sip"), DEFAULT)
            .field("dial", "d.dial", FieldSpec.text().readOnly().description("the dial string, from tech: SIP/1005"),
                    DEFAULT)
            .field("secret", "s.data", FieldSpec.text().length(6, 80).secret()
                    .description("the SIP password; a strong random one when not sent; shown to read-write callers"),
                    DEFAULT, UNSORTABLE)
            .field("ringtimer", "u.ringtimer", FieldSpec.integer().range(0, 300).defaultValue(0).answeredAsText()
                    .description("seconds to ring before no-answer handling; 0 is the system default"))
            .field("voicemail", "u.voicemail", FieldSpec.text().oneOf(VOICEMAIL).defaultValue("novm")
                    .description("default: a mailbox in the default context; novm: none"))
            .field("recording_in_internal", astdb("recording/in/internal"), RECORDING, UNSORTABLE)
            .field("recording_in_external", astdb("recording/in/external"), RECORDING, UNSORTABLE)
            .field("recording_out_internal", astdb("recording/out/internal"), RECORDING, UNSORTABLE)
            .field("recording_out_external", astdb("recording/out/external"), RECORDING, UNSORTABLE)
            .field("context", sip("context"), SHOWN, UNSORTABLE)
            .field("outboundcid", "u.outboundcid", SHOWN)
            .field("sipname", "u.sipname", SHOWN)
            .field("mohclass", "u.mohclass", SHOWN)
            .field("noanswer", "u.noanswer", SHOWN)
            .field("noanswer_cid", "u.noanswer_cid", SHOWN)
            .field("busy_cid", "u.busy_cid", SHOWN)
            .field("chanunavail_cid", "u.chanunavail_cid", SHOWN)
            .field("noanswer_dest", "u.noanswer_dest", SHOWN)
            .field("busy_dest", "u.busy_dest", SHOWN)
            .field("chanunavail_dest", "u.chanunavail_dest", SHOWN)
            .field("devicetype", "d.devicetype", SHOWN)
            .field("emergency_cid", "d.emergency_cid", SHOWN)
            .orderBy("extension")
            .build();

    private ExtensionFields() {
    }

    private static String astdb(String key) {
        return "(SELECT a.value FROM dp_astdb a WHERE a.family = 'AMPUSER'"
                + " AND a.keyname = CONCAT(u.extension, '/" + key + "'))";
    }

    private static String sip(String keyword) {
        return "(SELECT k.data FROM sip k WHERE k.id = u.extension AND k.keyword = '" + keyword + "')";
    }

    /**
     * What a request asks to set: every field null when not sent. On create, the required ones are checked
     * and the rest get IssabelPBX's defaults from {@link IssabelExtension#withDefaults}.
     */
    static ExtensionChange validate(JsonBody body, boolean creating) {
        Validation v = validation(body, creating);
        v.check();
        return change(v);
    }

    /** Every problem of a body, collected (a bulk import names them all, row by row). */
    static Validation validation(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        String name = v.value("name");
        if (name != null && (name.indexOf('<') >= 0 || name.indexOf('>') >= 0 || name.chars().anyMatch(c -> c < 32))) {
            v.error("name", "must not contain <, > or control characters");
        }
        return v;
    }

    /** The change a checked validation holds. */
    static ExtensionChange change(Validation v) {
        String name = v.value("name");
        Map<String, String> recording = new LinkedHashMap<>();
        for (String field : RECORDING_KEYS.keySet()) {
            String mode = v.value(field);
            if (mode != null) {
                recording.put(field, mode);
            }
        }
        return new ExtensionChange(v.value("extension"), name, v.value("secret"), v.value("tech"),
                v.value("ringtimer"), v.value("voicemail"), recording);
    }
}
