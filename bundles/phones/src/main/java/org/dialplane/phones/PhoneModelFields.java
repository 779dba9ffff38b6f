package org.dialplane.phones;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;

/**
 * The fields of a phone model as {@code /pbxapi/phonemodels} shows it. Models live in memory, not in SQL: a
 * field's "column" is its own name, which {@link PhoneModelsResource} sorts and searches by in Java.
 */
final class PhoneModelFields {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "id", FieldSpec.text().readOnly().description("what a phone's model names"), DEFAULT,
                    SEARCHABLE)
            .field("vendor", "vendor", FieldSpec.text().readOnly(), DEFAULT, SEARCHABLE)
            .field("name", "name", FieldSpec.text().readOnly(), DEFAULT, SEARCHABLE)
            .field("lines", "lines", FieldSpec.integer().readOnly().description("the most lines a phone of it takes"),
                    DEFAULT)
            .field("files", null, FieldSpec.textList().readOnly().description("the names of the files it fetches,"
                    + " {mac}: lower-case hex, {MAC}: upper-case"), DEFAULT, UNSORTABLE)
            .orderBy("id")
            .build();

    private PhoneModelFields() {
    }

    static Map<String, Object> row(KnownModel model) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", model.id());
        row.put("vendor", model.vendor());
        row.put("name", model.name());
        row.put("lines", model.lines());
        List<String> files = model.files().stream().map(KnownModel.File::pattern).toList();
        row.put("files", files);
        return row;
    }
}
