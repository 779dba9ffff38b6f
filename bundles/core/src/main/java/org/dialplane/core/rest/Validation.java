package org.dialplane.core.rest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the fields of a {@link JsonBody} and collects every problem, so that one 422 names all the fields at
 * fault ({@code errors: [{field, message}]}). Each field is read as a type, then narrowed by rules; a field that
 * was not sent (or sent as {@code null}) passes every rule but {@code required}, so the same code checks a
 * create and a partial update. After the first problem of a field, its other rules are skipped.
 *
 * <pre>{@code
 * Validation v = Validation.of(body);
 * String name = v.text("name").required(creating).maxLength(50).value();
 * Integer ringTime = v.integer("ring_time").range(1, 300).value();
 * String strategy = v.text("strategy").oneOf(STRATEGIES).value();
 * List<String> members = v.textList("extension_list").required(creating).items(Ids.NUMERIC, "digits").value();
 * v.check();   // 422 when anything above failed
 * }</pre>
 *
 * A resource whose {@link FieldSet} declares each field's {@link FieldSpec} gets this done from the declaration
 * with {@link FieldSet#validation(JsonBody, boolean)}, and reads the checked values with {@link #value(String)}.
 */
public final class Validation {
    private final JsonBody body;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Validation(JsonBody body) {
        this.body = body;
    }

    /** Starts checking a body's fields; {@code null} (a request without a body) is checked as an empty body. */
    public static Validation of(JsonBody body) {
        return new Validation(body == null ? JsonBody.EMPTY : body);
    }

    /** A string field; numbers are taken as their decimal text (Issabel clients send both). */
    public Text text(String field) {
        Object raw = body.get(field);
        if (raw instanceof Number n && integral(n) != null) {
            raw = integral(n).toString();
        }
        return new Text(field, raw);
    }

    /** A whole-number field; a string of digits is accepted too ({@code "ringtimer": "30"}). */
    public Whole integer(String field) {
        return new Whole(field, body.get(field));
    }

    /** A boolean field: {@code true/false}, {@code 1/0} or their strings. */
    public Flag bool(String field) {
        return new Flag(field, body.get(field));
    }

    /** An array of strings (numbers taken as their text). */
    public TextList textList(String field) {
        return new TextList(field, body.get(field));
    }

    /**
     * The checked value of a declared field ({@link FieldSet#validation(JsonBody, boolean)}), as its declared
     * type: {@code String}, {@code Integer}, {@code Boolean} or {@code List<String>}; {@code null} when it was not
     * sent, or failed a rule.
     */
    @SuppressWarnings("unchecked")
    public <T> T value(String field) {
        return (T) values.get(field);
    }

    /** The checked values of the declared fields that were sent and passed, in declaration order. */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    void accept(String field, Object value) {
        values.put(field, value);
    }

    /** Records a problem found by the resource's own check (e.g. between two fields). */
    public Validation error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Problem.FieldError> errors() {
        List<Problem.FieldError> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(new Problem.FieldError(field, message)));
        return list;
    }

    /** @throws ApiException 422 listing every problem found, if any */
    public void check() {
        if (hasErrors()) {
            throw ApiException.invalid(errors());
        }
    }

    private static BigInteger integral(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigInteger.valueOf(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return big;
        }
        try {
            return new BigDecimal(number.toString()).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** The rules every type has. */
    public abstract class Rule<T, R extends Rule<T, R>> {
        final String field;
        T value;
        private boolean failed;

        Rule(String field, Object raw, String expected) {
            this.field = field;
            if (raw != null) {
                value = convert(raw);
                if (value == null) {
                    fail("must be " + expected);
                }
            }
        }

        abstract T convert(Object raw);

        @SuppressWarnings("unchecked")
        final R self() {
            return (R) this;
        }

        /** Whether a value is there for the next rule to check. */
        final boolean checkable() {
            return value != null && !failed;
        }

        final R fail(String message) {
            if (!failed) {
                failed = true;
                value = null;
                error(field, message);
            }
            return self();
        }

        public R required() {
            return required(true);
        }

        /** Required when {@code when} holds: typically on create, not on a partial update. */
        public R required(boolean when) {
            if (when && value == null && !failed) {
                fail("is required");
            }
            return self();
        }

        /** The value: {@code null} when absent or invalid. */
        public T value() {
            return value;
        }

        /** The value, or {@code fallback} when absent or invalid. */
        public T orElse(T fallback) {
            return value != null ? value : fallback;
        }
    }

    /** A string field. */
    public final class Text extends Rule<String, Text> {
        Text(String field, Object raw) {
            super(field, raw, "a string");
        }

        @Override
        String convert(Object raw) {
            return raw instanceof String s ? s : null;
        }

        @Override
        public Text required(boolean when) {
            super.required(when);
            if (when && checkable() && value.isBlank()) {
                fail("must not be empty");
            }
            return this;
        }

        public Text maxLength(int max) {
            return length(0, max);
        }

        public Text length(int min, int max) {
            if (checkable() && (value.length() < min || value.length() > max)) {
                fail(min == 0 ? "must be at most " + max + " characters long"
                        : "must be " + min + " to " + max + " characters long");
            }
            return this;
        }

        public Text oneOf(String... allowed) {
            return oneOf(List.of(allowed));
        }

        public Text oneOf(Collection<String> allowed) {
            if (checkable() && !allowed.contains(value)) {
                fail("must be one of: " + String.join(", ", allowed));
            }
            return this;
        }

        /** @param description what the pattern means, for the message ("digits", "a SIP user name") */
        public Text matches(Pattern pattern, String description) {
            if (checkable() && !pattern.matcher(value).matches()) {
                fail("must be " + description);
            }
            return this;
        }
    }

    /** A whole-number field, as an {@code Integer}. */
    public final class Whole extends Rule<Integer, Whole> {
        private static final Pattern DIGITS = Pattern.compile("[-+]?[0-9]{1,12}");

        Whole(String field, Object raw) {
            super(field, raw, "a whole number");
        }

        @Override
        Integer convert(Object raw) {
            BigInteger number = null;
            if (raw instanceof Number n) {
                number = integral(n);
            } else if (raw instanceof String s && DIGITS.matcher(s.trim()).matches()) {
                number = new BigInteger(s.trim());
            }
            if (number == null) {
                return null;
            }
            if (number.bitLength() >= Integer.SIZE) {
                fail("is out of range");
                return null;
            }
            return number.intValue();
        }

        public Whole range(int min, int max) {
            if (checkable() && (value < min || value > max)) {
                fail("must be from " + min + " to " + max);
            }
            return this;
        }
    }

    /** A boolean field. */
    public final class Flag extends Rule<Boolean, Flag> {
        Flag(String field, Object raw) {
            super(field, raw, "true or false");
        }

        @Override
        Boolean convert(Object raw) {
            return Reload.flag(raw);
        }
    }

    /** An array of strings. */
    public final class TextList extends Rule<List<String>, TextList> {
        TextList(String field, Object raw) {
            super(field, raw, "an array of strings");
        }

        @Override
        List<String> convert(Object raw) {
            if (!(raw instanceof List<?> list)) {
                return null;
            }
            List<String> texts = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item instanceof String s) {
                    texts.add(s);
                } else if (item instanceof Number n && integral(n) != null) {
                    texts.add(integral(n).toString());
                } else {
                    return null;
                }
            }
            return List.copyOf(texts);
        }

        /** Required means present and not empty. */
        @Override
        public TextList required(boolean when) {
            super.required(when);
            if (when && checkable() && value.isEmpty()) {
                fail("must not be empty");
            }
            return this;
        }

        public TextList maxSize(int max) {
            if (checkable() && value.size() > max) {
                fail("must have at most " + max + " items");
            }
            return this;
        }

        /** Every item must match; the message names the first that does not. */
        public TextList items(Pattern pattern, String description) {
            if (checkable()) {
                value.stream().filter(item -> !pattern.matcher(item).matches()).findFirst()
                        .ifPresent(item -> fail("item '" + item + "' must be " + description));
            }
            return this;
        }

        public TextList distinct() {
            if (checkable() && Set.copyOf(value).size() != value.size()) {
                fail("must not repeat an item");
            }
            return this;
        }
    }
}
