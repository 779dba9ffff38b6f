package org.dialplane.extensions;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.extensions.api.ExtensionChange;

/**
 * The fields of an extension as the API shows them, where each lives in IssabelPBX's tables, and the
 * validation of a request body. The default set is Issabel pbxapi's: extension, name, tech, dial, secret.
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

    static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "CAST(u.extension AS UNSIGNED)", DEFAULT, SEARCHABLE)
            .field("name", "d.description", DEFAULT, SEARCHABLE)
            .field("tech", "d.tech", DEFAULT)
            .field("dial", "d.dial", DEFAULT)
            .field("secret", "s.data", DEFAULT, UNSORTABLE)
            .field("ringtimer", "u.ringtimer")
            .field("voicemail", "u.voicemail")
            .field("recording_in_internal", astdb("recording/in/internal"), UNSORTABLE)
            .field("recording_in_external", astdb("recording/in/external"), UNSORTABLE)
            .field("recording_out_internal", astdb("recording/out/internal"), UNSORTABLE)
            .field("recording_out_external", astdb("recording/out/external"), UNSORTABLE)
            .field("context", sip("context"), UNSORTABLE)
            .field("outboundcid", "u.outboundcid")
            .field("sipname", "u.sipname")
            .field("mohclass", "u.mohclass")
            .field("noanswer", "u.noanswer")
            .field("noanswer_cid", "u.noanswer_cid")
            .field("busy_cid", "u.busy_cid")
            .field("chanunavail_cid", "u.chanunavail_cid")
            .field("noanswer_dest", "u.noanswer_dest")
            .field("busy_dest", "u.busy_dest")
            .field("chanunavail_dest", "u.chanunavail_dest")
            .field("devicetype", "d.devicetype")
            .field("emergency_cid", "d.emergency_cid")
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
        Validation v = Validation.of(body);
        String extension = v.text("extension").matches(NUMBER, "2 to 10 digits").value();
        String name = v.text("name").maxLength(50).value();
        String secret = v.text("secret").length(6, 80).value();
        String tech = v.text("tech").oneOf(TECHS).value();
        Integer ringtimer = v.integer("ringtimer").range(0, 300).value();
        String voicemail = v.text("voicemail").oneOf(VOICEMAIL).value();
        Map<String, String> recording = new java.util.LinkedHashMap<>();
        for (String field : RECORDING_KEYS.keySet()) {
            String mode = v.text(field).oneOf(RECORDING_MODES).value();
            if (mode != null) {
                recording.put(field, mode);
            }
        }
        if (name != null && (name.indexOf('<') >= 0 || name.indexOf('>') >= 0 || name.chars().anyMatch(c -> c < 32))) {
            v.error("name", "must not contain <, > or control characters");
        }
        v.check();
        return new ExtensionChange(extension, name, secret, tech, ringtimer,
                voicemail, recording);
    }
}
