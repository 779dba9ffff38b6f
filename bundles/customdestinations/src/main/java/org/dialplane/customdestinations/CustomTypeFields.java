package org.dialplane.customdestinations;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.customdestinations.api.CustomTypeChange;

/**
 * The fields of a custom destination type, declared once: the list, the bodies and the OpenAPI schemas. A
 * parameter is declared by its kind ({@code paramN_kind}; {@code ""} undeclares it on an update) and named by
 * {@code paramN_name}. The template's own rules, which depend on the parameters, are {@link DialplanTemplate}'s.
 */
final class CustomTypeFields {
    static final String TEMPLATE = "template";
    static final String EXTERNAL_NUMBER = "external_number";
    private static final List<String> KINDS_OR_NONE = kindsOrNone();

    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "t.id", FieldSpec.text().readOnly(), DEFAULT)
            .field("name", "t.name", FieldSpec.text().required().matches(CustomDestinationFields.NAME,
                    "1 to 40 printable Latin-1 characters, not < or > (it goes into IssabelPBX's notes)"), DEFAULT, SEARCHABLE)
            .field("description", "t.description", FieldSpec.text().maxLength(255).defaultValue(""), DEFAULT,
                    SEARCHABLE)
            .field(TEMPLATE, "t.template", FieldSpec.textList().required().nonEmpty()
                    .maxItems(DialplanTemplate.MAX_LINES)
                    .description("application calls, one an item, e.g. Dial(Local/${param1}@from-internal,"
                            + "${param3}); ${param1}..${param3} stand for the declared parameters' values"),
                    DEFAULT, UNSORTABLE)
            .field("param1_name", "t.param1_name", FieldSpec.text().maxLength(40), DEFAULT, UNSORTABLE)
            .field("param1_kind", "t.param1_kind", kind(), DEFAULT, UNSORTABLE)
            .field("param2_name", "t.param2_name", FieldSpec.text().maxLength(40), DEFAULT, UNSORTABLE)
            .field("param2_kind", "t.param2_kind", kind(), DEFAULT, UNSORTABLE)
            .field("param3_name", "t.param3_name", FieldSpec.text().maxLength(40), DEFAULT, UNSORTABLE)
            .field("param3_kind", "t.param3_kind", kind(), DEFAULT, UNSORTABLE)
            .field(EXTERNAL_NUMBER, "t.external_number", FieldSpec.bool().defaultValue(false)
                    .description("param1 is a number to dial: such destinations may join hunt lists"), DEFAULT)
            .field("builtin", "t.builtin", FieldSpec.bool().readOnly()
                    .description("seeded by Dialplane; never changed nor deleted"), DEFAULT)
            .orderBy("id")
            .build();

    private CustomTypeFields() {
    }

    private static FieldSpec kind() {
        return FieldSpec.text().oneOf(KINDS_OR_NONE).description("digits: 1 to 30 digits; number: digits after an"
                + " optional +; seconds: 1 to 600; callerid: INCOMING, INCOMINGDID or a number; \"\": none");
    }

    private static List<String> kindsOrNone() {
        List<String> kinds = new ArrayList<>(ParamKind.ids());
        kinds.add("");
        return List.copyOf(kinds);
    }

    /** The fields sent, checked by their declarations; the template is checked with the parameters later. */
    static CustomTypeChange validate(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        v.check();
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (String parameter : DialplanTemplate.PARAMETERS) {
            names.add(v.value(parameter + "_name"));
            kinds.add(v.value(parameter + "_kind"));
        }
        return new CustomTypeChange(null, v.value("name"), v.value("description"), v.value(TEMPLATE), names, kinds,
                v.value(EXTERNAL_NUMBER));
    }

    /** A row as the API shows it: the template as its lines, the flags as booleans, the id as text. */
    static Map<String, Object> shown(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        if (shown.containsKey(TEMPLATE)) {
            shown.put(TEMPLATE, DialplanTemplate.split((String) shown.get(TEMPLATE)));
        }
        for (String flag : List.of(EXTERNAL_NUMBER, "builtin")) {
            if (shown.get(flag) instanceof String text) {
                shown.put(flag, text.equals("1") || text.equalsIgnoreCase("true"));
            }
        }
        return shown;
    }
}
