package org.dialplane.phones;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.phones.api.PhoneChange;

/**
 * The fields of a phone, declared once: the body is exactly {@code {"name", "mac", "model", "lines"}}; {@code id}
 * and {@code provisioning_url} are shown, and ignored in a body so a GET answer can be sent back.
 */
final class PhoneFields {
    static final Pattern EXTENSION = Pattern.compile("[0-9]{2,10}");
    /** A phone's id: a positive BIGINT (0 would make MariaDB pick the next one). */
    static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** What a name must not hold: it goes into configuration files. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    static final String LINES = "lines";
    static final String PROVISIONING_URL = "provisioning_url";

    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "p.id", FieldSpec.text().readOnly().description("the phone's number (MiRTA's objectid)"),
                    DEFAULT)
            .field("name", "p.name", FieldSpec.text().required().length(1, 80)
                    .description("what the phone is called (no control characters)"), DEFAULT, SEARCHABLE)
            // mac and model are ASCII columns: converted, so that a search with any other text matches nothing
            // instead of failing on the mix of collations (found by HostileInputsIT).
            .field("mac", "CONVERT(p.mac USING utf8mb4)", FieldSpec.text().required().custom().description(Mac.DESCRIPTION
                    + "; answered as AA:BB:CC:DD:EE:FF; unique on the system (409)"), DEFAULT, SEARCHABLE)
            .field("model", "CONVERT(p.model USING utf8mb4)", FieldSpec.text().required().matches(KnownModel.ID, "a phone model id")
                    .description("the id of a model of /pbxapi/phonemodels"), DEFAULT, SEARCHABLE)
            .field(LINES, "(SELECT GROUP_CONCAT(l.extension ORDER BY l.position SEPARATOR ',')"
                    + " FROM dp_phone_lines l WHERE l.phone_id = p.id)", FieldSpec.textList().distinct()
                    .maxItems(KnownModel.MAX_LINES).matches(EXTENSION, "an extension number").defaultValue(List.of())
                    .description("extensions of the phone's tenant, line 1 first; at most the model's lines"),
                    DEFAULT, UNSORTABLE)
            .field(PROVISIONING_URL, "p.provisioning_secret", FieldSpec.text().readOnly().secret()
                    .description("where the phone fetches its files (it appends their names); read-write callers"
                            + " only"), DEFAULT, UNSORTABLE)
            .orderBy("id")
            .build();

    private PhoneFields() {
    }

    /**
     * A row as the API shows it: the id as a number, the lines as a list, the secret as the provisioning URL
     * ({@code url} makes one from a secret).
     */
    static Map<String, Object> shown(Map<String, Object> row, UnaryOperator<String> url) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        if (shown.get("id") instanceof String id) {
            shown.put("id", Long.valueOf(id));
        }
        if (shown.containsKey(LINES)) {
            String lines = (String) shown.get(LINES);
            shown.put(LINES, lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split(",")));
        }
        if (shown.get(PROVISIONING_URL) instanceof String secret) {
            shown.put(PROVISIONING_URL, url.apply(secret));
        }
        return shown;
    }

    /** What a request asks to set: only the fields sent; the MAC in its stored form. */
    static PhoneChange validate(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        String name = v.value("name");
        if (name != null && CONTROL.matcher(name).find()) {
            v.error("name", "must not contain control characters");
        }
        String mac = null;
        if (body != null && body.get("mac") != null) {
            mac = body.get("mac") instanceof String text ? Mac.canonical(text) : null;
            if (mac == null) {
                v.error("mac", "must be " + Mac.DESCRIPTION);
            }
        } else if (creating) {
            v.error("mac", "is required");
        }
        v.check();
        return new PhoneChange(name == null ? null : name.strip(), mac, v.value("model"), v.value(LINES));
    }

    /** A change built by hand, checked as a body is: the fields it sets, by their API names. */
    static PhoneChange checked(PhoneChange change, boolean creating) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "name", change.name());
        put(fields, "mac", change.mac());
        put(fields, "model", change.model());
        put(fields, LINES, change.lines());
        return validate(JsonBody.of(fields), creating);
    }

    private static void put(Map<String, Object> fields, String field, Object value) {
        if (value != null) {
            fields.put(field, value);
        }
    }
}
