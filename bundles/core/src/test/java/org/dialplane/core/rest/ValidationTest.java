package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ValidationTest {

    private static Validation validate(Object... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return Validation.of(JsonBody.of(fields));
    }

    private static Map<String, String> errors(Validation v) {
        Map<String, String> errors = new HashMap<>();
        v.errors().forEach(e -> errors.put(e.field(), e.message()));
        return errors;
    }

    @Test
    void whenFieldsAbsent_thenTheyPassEveryRuleButRequired() {
        Validation v = validate();
        assertNull(v.text("name").maxLength(3).oneOf("a").matches(Pattern.compile("x"), "x").value());
        assertNull(v.integer("ring_time").range(1, 300).value());
        assertEquals(20, v.integer("ring_time").orElse(20));
        assertFalse(v.hasErrors());
        v.check();
    }

    @Test
    void whenNoBodyAtAll_thenCheckedAsEmpty() {
        Validation v = Validation.of(null);
        v.text("name").required();
        assertEquals(Map.of("name", "is required"), errors(v));
    }

    @Test
    void whenRequiredFieldAbsentNullOrBlank_thenRefused() {
        Validation v = validate("name", null, "blank", " ", "list", List.of());
        v.text("name").required();
        v.text("blank").required();
        v.textList("list").required();
        v.text("missing").required(false);
        assertEquals(Map.of("name", "is required", "blank", "must not be empty", "list", "must not be empty"),
                errors(v));
    }

    @Test
    void whenTextChecked_thenLengthEnumAndPatternApply() {
        Validation v = validate("name", "Sales team", "strategy", "random", "secret", "ab c", "ok", "hunt");
        v.text("name").maxLength(5);
        v.text("strategy").oneOf("ringall", "hunt");
        v.text("secret").matches(Pattern.compile("[a-z]+"), "lower-case letters");
        assertEquals("hunt", v.text("ok").oneOf("ringall", "hunt").value());
        Map<String, String> errors = errors(v);
        assertEquals("must be at most 5 characters long", errors.get("name"));
        assertEquals("must be one of: ringall, hunt", errors.get("strategy"));
        assertEquals("must be lower-case letters", errors.get("secret"));
        assertEquals(3, errors.size());
    }

    @Test
    void whenTextChecked_thenNumbersTakenAsTextOtherTypesRefused() {
        Validation v = validate("extension", 1005, "flag", true, "object", Map.of());
        assertEquals("1005", v.text("extension").value());
        v.text("flag");
        v.text("object");
        assertEquals(Map.of("flag", "must be a string", "object", "must be a string"), errors(v));
    }

    @Test
    void whenIntegerChecked_thenFromNumbersAndDigitStringsInRange() {
        Validation v = validate("a", 30, "b", "30", "c", 30.0, "d", " 7 ", "e", 301, "f", "3x", "g", 1.5,
                "h", new BigInteger("99999999999"), "i", "-5");
        assertEquals(30, v.integer("a").value());
        assertEquals(30, v.integer("b").value());
        assertEquals(30, v.integer("c").value());
        assertEquals(7, v.integer("d").value());
        assertNull(v.integer("e").range(1, 300).value());
        v.integer("f");
        v.integer("g");
        v.integer("h");
        assertEquals(-5, v.integer("i").value());
        Map<String, String> errors = errors(v);
        assertEquals("must be from 1 to 300", errors.get("e"));
        assertEquals("must be a whole number", errors.get("f"));
        assertEquals("must be a whole number", errors.get("g"));
        assertEquals("is out of range", errors.get("h"));
        assertEquals(4, errors.size());
    }

    @Test
    void whenBoolChecked_thenTheUsualSpellingsAccepted() {
        Validation v = validate("a", true, "b", "0", "c", 1, "d", "on");
        assertTrue(v.bool("a").value());
        assertFalse(v.bool("b").value());
        assertTrue(v.bool("c").value());
        v.bool("d");
        assertEquals(Map.of("d", "must be true or false"), errors(v));
    }

    @Test
    void whenTextListChecked_thenItemsSizeAndDistinctApply() {
        Validation v = validate("ok", List.of("200", 201), "bad", List.of("200", "2x"), "big", List.of("1", "2",
                "3"), "dup", List.of("1", "1"), "mixed", Arrays.asList("1", null), "notalist", "200-201");
        assertEquals(List.of("200", "201"), v.textList("ok").required().items(Ids.NUMERIC, "digits").value());
        v.textList("bad").items(Ids.NUMERIC, "digits");
        v.textList("big").maxSize(2);
        v.textList("dup").distinct();
        v.textList("mixed");
        v.textList("notalist");
        Map<String, String> errors = errors(v);
        assertEquals("item '2x' must be digits", errors.get("bad"));
        assertEquals("must have at most 2 items", errors.get("big"));
        assertEquals("must not repeat an item", errors.get("dup"));
        assertEquals("must be an array of strings", errors.get("mixed"));
        assertEquals("must be an array of strings", errors.get("notalist"));
    }

    @Test
    void whenAFieldHasSeveralProblems_thenOnlyTheFirstIsReported() {
        Validation v = validate("name", 5);
        v.text("name").required().oneOf("a").maxLength(0);
        v.error("name", "another");
        assertEquals(List.of(new Problem.FieldError("name", "must be one of: a")), v.errors());
    }

    @Test
    void whenCheckedWithErrors_then422ListingEveryField() {
        Validation v = validate("ring_time", 0);
        v.integer("ring_time").range(1, 300);
        v.textList("extension_list").required();
        v.error("strategy", "does not fit the list");
        ApiException e = assertThrows(ApiException.class, v::check);
        assertEquals(422, e.problem().status());
        assertEquals(List.of("ring_time", "extension_list", "strategy"),
                e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }
}
