package org.dialplane.core.rest;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a field of a {@link FieldSet} holds and accepts: its type and rules, the one declaration that drives the
 * checks of a request body ({@link FieldSet#validation(JsonBody, boolean)}) and the field's schema in the
 * OpenAPI document. Immutable: each method answers a copy, so declarations read as a chain.
 *
 * <pre>{@code
 * .field("ringtimer", "u.ringtimer", FieldSpec.integer().range(0, 300).defaultValue(0))
 * .field("voicemail", "u.voicemail", FieldSpec.text().oneOf("novm", "default").defaultValue("novm"))
 * .field("secret", "s.data", FieldSpec.text().length(6, 80).secret(), DEFAULT, UNSORTABLE)
 * .field("destination", "...", FieldSpec.text().readOnly().description("where calls to the group go"))
 * }</pre>
 *
 * The messages of a failed rule are {@link Validation}'s ({@code must be one of: ...}, {@code must be from 0 to
 * 300}, {@code is required}).
 */
public final class FieldSpec {

    /** The JSON type a field accepts. */
    public enum Type {
        /** A string; numbers sent are taken as their decimal text. */
        STRING,
        /** A whole number; a string of digits is accepted too. */
        INTEGER,
        /** {@code true/false}, {@code 1/0} or their strings. */
        BOOLEAN,
        /** An array of strings (numbers taken as their text). */
        STRING_LIST,
        /** An object of names and string values; checked by the resource's own code. */
        OBJECT,
        /** Not declared: shown as any JSON value and never checked by the declaration. */
        ANY
    }

    private Type type;
    private boolean required;
    private List<String> values = List.of();
    private Integer minLength;
    private Integer maxLength;
    private Integer minimum;
    private Integer maximum;
    private Pattern pattern;
    private String patternDescription;
    private boolean distinct;
    private Integer minItems;
    private Integer maxItems;
    private Object defaultValue;
    private boolean readOnly;
    private boolean secret;
    private boolean answeredAsText;
    private boolean custom;
    private String description;

    private FieldSpec(Type type) {
        this.type = type;
    }

    public static FieldSpec text() {
        return new FieldSpec(Type.STRING);
    }

    public static FieldSpec integer() {
        return new FieldSpec(Type.INTEGER);
    }

    public static FieldSpec bool() {
        return new FieldSpec(Type.BOOLEAN);
    }

    public static FieldSpec textList() {
        return new FieldSpec(Type.STRING_LIST);
    }

    /** An object of names and values, e.g. channel variables; the resource checks its entries itself. */
    public static FieldSpec object() {
        return new FieldSpec(Type.OBJECT).custom();
    }

    /** What a field declared without a spec has: any value, no checks. */
    public static FieldSpec any() {
        return new FieldSpec(Type.ANY);
    }

    private FieldSpec copy() {
        FieldSpec copy = new FieldSpec(type);
        copy.required = required;
        copy.values = values;
        copy.minLength = minLength;
        copy.maxLength = maxLength;
        copy.minimum = minimum;
        copy.maximum = maximum;
        copy.pattern = pattern;
        copy.patternDescription = patternDescription;
        copy.distinct = distinct;
        copy.minItems = minItems;
        copy.maxItems = maxItems;
        copy.defaultValue = defaultValue;
        copy.readOnly = readOnly;
        copy.secret = secret;
        copy.answeredAsText = answeredAsText;
        copy.custom = custom;
        copy.description = description;
        return copy;
    }

    private void expect(Type... types) {
        if (!List.of(types).contains(type)) {
            throw new IllegalStateException("Not a rule of a " + type + " field");
        }
    }

    /** Required when an item is created (a partial update never requires a field). */
    public FieldSpec required() {
        FieldSpec copy = copy();
        copy.required = true;
        return copy;
    }

    /** The only values a string field accepts. */
    public FieldSpec oneOf(String... allowed) {
        return oneOf(List.of(allowed));
    }

    public FieldSpec oneOf(Collection<String> allowed) {
        expect(Type.STRING);
        FieldSpec copy = copy();
        copy.values = List.copyOf(allowed);
        return copy;
    }

    public FieldSpec maxLength(int max) {
        return length(0, max);
    }

    public FieldSpec length(int min, int max) {
        expect(Type.STRING);
        FieldSpec copy = copy();
        copy.minLength = min;
        copy.maxLength = max;
        return copy;
    }

    /** The range of a whole number, both ends included. */
    public FieldSpec range(int min, int max) {
        expect(Type.INTEGER);
        FieldSpec copy = copy();
        copy.minimum = min;
        copy.maximum = max;
        return copy;
    }

    /**
     * A pattern the whole string (or, for a list, each item) must match.
     *
     * @param description what it means, for the message and the schema ("2 to 10 digits")
     */
    public FieldSpec matches(Pattern regex, String description) {
        expect(Type.STRING, Type.STRING_LIST);
        FieldSpec copy = copy();
        copy.pattern = regex;
        copy.patternDescription = description;
        return copy;
    }

    /** A list that must not repeat an item. */
    public FieldSpec distinct() {
        expect(Type.STRING_LIST);
        FieldSpec copy = copy();
        copy.distinct = true;
        return copy;
    }

    /** A list that must not be empty when sent, on an update too. */
    public FieldSpec nonEmpty() {
        expect(Type.STRING_LIST);
        FieldSpec copy = copy();
        copy.minItems = 1;
        return copy;
    }

    public FieldSpec maxItems(int max) {
        expect(Type.STRING_LIST);
        FieldSpec copy = copy();
        copy.maxItems = max;
        return copy;
    }

    /** The value a create gives the field when it is not sent (documented; the resource applies it). */
    public FieldSpec defaultValue(Object value) {
        FieldSpec copy = copy();
        copy.defaultValue = value;
        return copy;
    }

    /** Shown, never accepted: a body may carry it (e.g. an answer sent back) and it is ignored. */
    public FieldSpec readOnly() {
        FieldSpec copy = copy();
        copy.readOnly = true;
        return copy;
    }

    /** A password or key: hidden from read-only callers ({@link Query#hidingSecrets()}). */
    public FieldSpec secret() {
        FieldSpec copy = copy();
        copy.secret = true;
        return copy;
    }

    /** Answers show the value as a JSON string, as IssabelPBX's pbxapi shows its columns, whatever it accepts. */
    public FieldSpec answeredAsText() {
        FieldSpec copy = copy();
        copy.answeredAsText = true;
        return copy;
    }

    /**
     * The declaration describes the field (for {@code fields=} and the schemas) but the resource checks it with
     * its own code, e.g. a value accepted in more spellings than the declaration can say.
     */
    public FieldSpec custom() {
        FieldSpec copy = copy();
        copy.custom = true;
        return copy;
    }

    /** What the field means, for the OpenAPI document. */
    public FieldSpec description(String text) {
        FieldSpec copy = copy();
        copy.description = text;
        return copy;
    }

    public Type type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    /** The values accepted; empty when any value of the type is. */
    public List<String> values() {
        return values;
    }

    public Integer minLength() {
        return minLength;
    }

    public Integer maxLength() {
        return maxLength;
    }

    public Integer minimum() {
        return minimum;
    }

    public Integer maximum() {
        return maximum;
    }

    public Pattern pattern() {
        return pattern;
    }

    public String patternDescription() {
        return patternDescription;
    }

    public boolean isDistinct() {
        return distinct;
    }

    public Integer minItems() {
        return minItems;
    }

    public Integer maxItems() {
        return maxItems;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isSecret() {
        return secret;
    }

    public boolean isAnsweredAsText() {
        return answeredAsText;
    }

    /** Whether the declaration leaves the checks to the resource (custom, object and undeclared fields). */
    public boolean isCustom() {
        return custom || type == Type.ANY;
    }

    public String description() {
        return description;
    }

    /** Checks the field in a body by this declaration and records the value; read-only and custom fields skip. */
    void check(Validation v, String field, boolean creating) {
        if (readOnly || isCustom()) {
            return;
        }
        boolean need = creating && required;
        Validation.Rule<?, ?> rule = switch (type) {
            case STRING -> {
                Validation.Text text = v.text(field).required(need);
                if (maxLength != null) {
                    text.length(minLength, maxLength);
                }
                if (!values.isEmpty()) {
                    text.oneOf(values);
                }
                yield pattern == null ? text : text.matches(pattern, patternDescription);
            }
            case INTEGER -> {
                Validation.Whole whole = v.integer(field).required(need);
                yield minimum == null ? whole : whole.range(minimum, maximum);
            }
            case BOOLEAN -> v.bool(field).required(need);
            case STRING_LIST -> {
                Validation.TextList list = v.textList(field).required(need);
                if (minItems != null && list.checkable() && list.value().size() < minItems) {
                    list.fail("must not be empty");
                }
                if (maxItems != null) {
                    list.maxSize(maxItems);
                }
                if (distinct) {
                    list.distinct();
                }
                yield pattern == null ? list : list.items(pattern, patternDescription);
            }
            default -> null;
        };
        if (rule != null && rule.value() != null) {
            v.accept(field, rule.value());
        }
    }
}
