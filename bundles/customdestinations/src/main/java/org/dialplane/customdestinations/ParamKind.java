package org.dialplane.customdestinations;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a custom type's parameter accepts. Each kind is a closed pattern of digits, {@code +} and fixed words, so a
 * value can never carry dialplan syntax ({@code , ) ; & | $ { [} newlines...) into a template: the value is the
 * only request text that reaches the dialplan.
 */
enum ParamKind {
    /** An extension, a mailbox, a PIN. */
    DIGITS("digits", Pattern.compile("[0-9]{1,30}"), "1 to 30 digits"),
    /** A phone number as dialled: digits, optionally after one leading {@code +}. */
    NUMBER("number", Pattern.compile("\\+?[0-9]{1,30}"), "a number: 1 to 30 digits, optionally after a leading +"),
    /** A time in seconds, such as a ring time. */
    SECONDS("seconds", Pattern.compile("[1-9][0-9]{0,2}"), "whole seconds from 1 to 600") {
        @Override
        boolean accepts(String value) {
            return super.accepts(value) && Integer.parseInt(value) <= MAX_SECONDS;
        }
    },
    /**
     * The caller id shown: {@code INCOMING} (the caller's own), {@code INCOMINGDID} (the number the caller
     * dialled) or a number; carried out by the fixed context {@code dp-custom-callerid} (see {@link CustomDialplan}).
     */
    CALLERID("callerid", Pattern.compile("INCOMING|INCOMINGDID|\\+?[0-9]{1,30}"),
            "INCOMING, INCOMINGDID or a number (digits, optionally after a leading +)");

    static final int MAX_SECONDS = 600;

    private final String id;
    private final Pattern pattern;
    private final String description;

    ParamKind(String id, Pattern pattern, String description) {
        this.id = id;
        this.pattern = pattern;
        this.description = description;
    }

    /** The kind's name in the API and the database. */
    String id() {
        return id;
    }

    /** What the kind accepts, in words, for 422 messages and the OpenAPI document. */
    String description() {
        return description;
    }

    boolean accepts(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    static Optional<ParamKind> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(ParamKind::id).toList();
    }
}
