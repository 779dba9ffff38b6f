package org.dialplane.media;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.media.api.MediaChange;

/**
 * The fields of a media file, declared once: where each lives in IssabelPBX's {@code recordings} table and what a
 * body may set (MiRTA's {@code me_name} is {@code name}). Its audio is not a field: it has its own URI,
 * {@code /pbxapi/media/{id}/audio}.
 */
final class MediaFields {
    /** One line of text: IssabelPBX shows these in its forms and writes them into comments. */
    static final Pattern LINE = Pattern.compile("[^\\p{Cntrl}]*");
    private static final String ONE_LINE = "one line, without control characters";

    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "r.id", FieldSpec.integer().readOnly()
                    .description("the recording's id, which ring groups, queues and IVRs refer to"), DEFAULT)
            .field("name", "r.displayname", FieldSpec.text().required().length(1, 50).matches(LINE, ONE_LINE)
                    .description("as IssabelPBX's System Recordings show it"), DEFAULT, SEARCHABLE)
            .field("description", "COALESCE(r.description, '')", FieldSpec.text().maxLength(254)
                    .matches(LINE, ONE_LINE).defaultValue(""), DEFAULT, SEARCHABLE)
            .field("filename", "CAST(r.filename AS CHAR)", FieldSpec.text().readOnly()
                    .description("the name Asterisk plays it by, Playback(custom/DEVEL/media-12); the audio is at"
                            + " /pbxapi/media/{id}/audio"), DEFAULT, UNSORTABLE)
            .orderBy("id")
            .build();

    private MediaFields() {
    }

    /** A row as the API shows it: the id as a JSON number. */
    static Map<String, Object> shown(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        if (shown.get("id") instanceof String id) {
            shown.put("id", Long.valueOf(id));
        }
        return shown;
    }

    /** What a request asks to set: only the fields sent; {@code name} is required on create. */
    static MediaChange validate(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        v.check();
        return new MediaChange(v.value("name"), v.value("description"));
    }

    /** A change built by hand is checked as a body would be. */
    static MediaChange validate(MediaChange change, boolean creating) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (change.name() != null) {
            fields.put("name", change.name());
        }
        if (change.description() != null) {
            fields.put("description", change.description());
        }
        return validate(JsonBody.of(fields), creating);
    }
}
