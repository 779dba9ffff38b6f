package org.dialplane.customdestinations;

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
import org.dialplane.customdestinations.api.CustomDestinationChange;

/**
 * The fields of a custom destination: the body is exactly {@code name}, {@code type}, {@code param1..3} (MiRTA's
 * {@code cu_name}, {@code cu_ct_id}, {@code cu_param1..3}); {@code id} and {@code destination} (the goto IssabelPBX
 * modules use) are shown and ignored in a body. A parameter's kind comes from the type, so its check is the
 * service's ({@link CustomType#problems}); here only what holds for every type.
 */
final class CustomDestinationFields {
    /** The ids of types and destinations: a database id, never 0, within an INT. */
    static final Pattern ID = Pattern.compile("[1-9][0-9]{0,8}");
    /**
     * IssabelPBX keeps the name in a latin1 column of 40: printable Latin-1 only, so it is stored as sent; no
     * {@code <} or {@code >}, which IssabelPBX's pages would show unescaped (as the extensions bundle refuses them).
     */
    static final Pattern NAME = Pattern.compile("[\\x20-\\x3B=\\x3F-\\x7E\\xA0-\\xFF]{1,40}");
    private static final FieldSpec PARAMETER = FieldSpec.text().maxLength(40)
            .description("checked against the kind the type declares for it; empty or absent when it declares none");

    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "d.id", FieldSpec.text().readOnly(), DEFAULT)
            .field("name", "d.name", FieldSpec.text().required()
                    .matches(NAME, "1 to 40 printable Latin-1 characters, not < or >"), DEFAULT, SEARCHABLE)
            .field("type", "d.type_id", FieldSpec.integer().required().range(1, Integer.MAX_VALUE)
                    .description("a custom type id (/pbxapi/customtypes)"), DEFAULT)
            .field("param1", "d.param1", PARAMETER, DEFAULT, SEARCHABLE)
            .field("param2", "d.param2", PARAMETER, DEFAULT)
            .field("param3", "d.param3", PARAMETER, DEFAULT)
            .field("destination", "CONCAT('dp-custom-', d.id, ',s,1')", FieldSpec.text().readOnly()
                    .description("its goto, as IssabelPBX's custom_destinations and destination columns hold it"),
                    DEFAULT, UNSORTABLE)
            .orderBy("id")
            .build();

    private CustomDestinationFields() {
    }

    static CustomDestinationChange validate(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        v.check();
        return new CustomDestinationChange(null, v.value("name"), v.value("type"), v.value("param1"),
                v.value("param2"), v.value("param3"));
    }

    /** A row as the API shows it: the type as a number. */
    static Map<String, Object> shown(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        if (shown.get("type") instanceof String text) {
            shown.put("type", Long.valueOf(text));
        }
        return shown;
    }
}
