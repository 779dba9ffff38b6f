package org.dialplane.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.extensions.api.ExtensionChange;
import org.junit.jupiter.api.Test;

class ExtensionFieldsTest {

    private static JsonBody body(Object... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return JsonBody.of(fields);
    }

    /** The fields of the 422, with their messages. */
    private static Map<String, String> errors(JsonBody body) {
        ApiException e = assertThrows(ApiException.class, () -> ExtensionFields.validate(body, true));
        assertEquals(422, e.problem().status());
        Map<String, String> errors = new HashMap<>();
        for (Problem.FieldError error : e.problem().errors()) {
            errors.put(error.field(), error.message());
        }
        return errors;
    }

    @Test
    void whenNothingSent_thenEveryFieldIsLeftAlone() {
        assertEquals(new ExtensionChange(null, null, null, null, null, null, Map.of()),
                ExtensionFields.validate(JsonBody.EMPTY, true));
        assertEquals(new ExtensionChange(null, null, null, null, null, null, Map.of()),
                ExtensionFields.validate(null, false));
    }

    @Test
    void whenEveryFieldSent_thenTypedValues() {
        ExtensionChange change = ExtensionFields.validate(body("extension", "1005", "name", "Ann Lee",
                "secret", "s3cret!", "tech", "pjsip", "ringtimer", "30", "voicemail", "default",
                "recording_in_external", "always", "unknown", "ignored"), true);

        assertEquals(new ExtensionChange("1005", "Ann Lee", "s3cret!", "pjsip", 30, "default",
                Map.of("recording_in_external", "always")), change);
    }

    @Test
    void whenValuesAreWrong_thenOne422NamesEveryField() {
        Map<String, String> errors = errors(body("extension", "1", "secret", "short", "tech", "iax2",
                "ringtimer", 301, "voicemail", "sometimes", "recording_out_internal", "maybe"));

        assertEquals(Set.of("extension", "secret", "tech", "ringtimer", "voicemail",
                "recording_out_internal"), errors.keySet());
    }

    @Test
    void whenNameCouldBreakAConfigLine_then422() {
        assertEquals(Map.of("name", "must not contain <, > or control characters"),
                errors(body("name", "Ann\n1006 => 1006")));
        assertEquals(Map.of("name", "must not contain <, > or control characters"), errors(body("name", "<Ann>")));
    }

    @Test
    void whenNameIsTooLong_then422() {
        assertEquals(Set.of("name"), errors(body("name", "x".repeat(51))).keySet());
    }
}
