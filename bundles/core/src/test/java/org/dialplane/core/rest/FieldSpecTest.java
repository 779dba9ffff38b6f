package org.dialplane.core.rest;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A field set's declaration checks request bodies with Validation's rules and messages. */
class FieldSpecTest {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "u.extension", FieldSpec.text().matches(Pattern.compile("[0-9]{2,10}"),
                    "2 to 10 digits"), DEFAULT)
            .field("name", "u.name", FieldSpec.text().maxLength(5).required())
            .field("secret", "s.data", FieldSpec.text().length(6, 80).secret(), DEFAULT)
            .field("ringtimer", "u.ringtimer", FieldSpec.integer().range(0, 300).defaultValue(0))
            .field("voicemail", "u.voicemail", FieldSpec.text().oneOf("novm", "default"))
            .field("members", null, FieldSpec.textList().nonEmpty().distinct().matches(Pattern.compile("[0-9]+"),
                    "digits"))
            .field("enabled", null, FieldSpec.bool())
            .field("dial", "d.dial", FieldSpec.text().readOnly())
            .field("checkbox", null, FieldSpec.text().oneOf("on", "off").custom())
            .build();

    private static Map<String, String> errors(JsonBody body, boolean creating) {
        ApiException e = assertThrows(ApiException.class, () -> FIELDS.validate(body, creating));
        assertEquals(422, e.problem().status());
        Map<String, String> errors = new LinkedHashMap<>();
        e.problem().errors().forEach(error -> errors.put(error.field(), error.message()));
        return errors;
    }

    @Test
    void whenEveryFieldIsValid_thenTheCheckedValuesComeBackTyped() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Ann");
        body.put("ringtimer", "30");
        body.put("members", List.of(200, "201"));
        body.put("enabled", "1");
        body.put("dial", "SIP/1005");
        body.put("checkbox", true);
        body.put("unknown", "ignored");
        Map<String, Object> values = FIELDS.validate(JsonBody.of(body), true);
        assertEquals(Map.of("name", "Ann", "ringtimer", 30, "members", List.of("200", "201"), "enabled", true),
                values);
    }

    @Test
    void whenFieldsBreakTheirDeclaration_thenOne422NamesEachWithValidationsMessages() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("extension", "12ab");
        body.put("secret", "short");
        body.put("ringtimer", 301);
        body.put("voicemail", "sometimes");
        body.put("members", List.of());
        body.put("enabled", "maybe");
        Map<String, String> errors = errors(JsonBody.of(body), true);
        assertEquals("must be 2 to 10 digits", errors.get("extension"));
        assertEquals("is required", errors.get("name"));
        assertEquals("must be 6 to 80 characters long", errors.get("secret"));
        assertEquals("must be from 0 to 300", errors.get("ringtimer"));
        assertEquals("must be one of: novm, default", errors.get("voicemail"));
        assertEquals("must not be empty", errors.get("members"));
        assertEquals("must be true or false", errors.get("enabled"));
        assertEquals(7, errors.size());
    }

    @Test
    void whenUpdating_thenRequiredFieldsMayBeLeftOutButListsStillMustNotBeEmptyOrRepeat() {
        assertEquals(Map.of(), FIELDS.validate(null, false));
        assertEquals(Map.of("members", "must not repeat an item"),
                errors(JsonBody.of(Map.of("members", List.of("1", "1"))), false));
        assertEquals(Map.of("members", "item 'x' must be digits"),
                errors(JsonBody.of(Map.of("members", List.of("1", "x"))), false));
        assertEquals(Map.of("name", "must be at most 5 characters long"),
                errors(JsonBody.of(Map.of("name", "toolong")), false));
    }

    @Test
    void whenTheResourceAddsItsOwnCheck_thenItIsInTheSame422() {
        Validation v = FIELDS.validation(JsonBody.of(Map.of("ringtimer", -1, "name", "<b>")), false);
        String name = v.value("name");
        assertEquals("<b>", name);
        assertNull(v.value("ringtimer"));
        v.error("name", "must not contain <, > or control characters");
        ApiException e = assertThrows(ApiException.class, v::check);
        assertEquals(List.of(new Problem.FieldError("ringtimer", "must be from 0 to 300"),
                new Problem.FieldError("name", "must not contain <, > or control characters")), e.problem().errors());
    }

    @Test
    void whenACallerMayNotSeeSecrets_thenTheQueryHidesTheSecretFields() {
        Query query = Query.parse(Map.of("fields", List.of("*")), FIELDS).hidingSecrets();
        assertEquals(List.of("secret"), FIELDS.secretNames());
        assertEquals(false, query.shows("secret"));
        assertEquals(true, query.shows("dial"));
    }

    @Test
    void whenARuleDoesNotFitTheType_thenTheDeclarationFails() {
        assertThrows(IllegalStateException.class, () -> FieldSpec.integer().oneOf("a"));
        assertThrows(IllegalStateException.class, () -> FieldSpec.text().range(0, 1));
    }
}
