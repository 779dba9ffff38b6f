package org.dialplane.core.asterisk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One mailbox line of {@code voicemail.conf}, in its context:
 * {@code 1005 => 1234,Daniel Smith,daniel@example.com,,attach=yes|saycid=no|envelope=no|delete=no} in
 * {@code [default]}. Absent text fields are empty strings; {@code options} keep their order.
 *
 * @param context  the section, {@code default} for IssabelPBX's mailboxes
 * @param number   the mailbox number, usually the extension
 * @param pin      the voicemail password (Asterisk's {@code password})
 * @param fullName the name the directory and the notification e-mails use
 * @param email    where new messages are e-mailed; empty for none
 * @param pager    the pager e-mail address; empty for none
 * @param options  Asterisk's per-mailbox options, {@code attach=yes}, {@code saycid=no}, ...
 */
public record Mailbox(String context, String number, String pin, String fullName, String email, String pager,
        Map<String, String> options) {
    /** The options IssabelPBX gives a mailbox that the extension pages create without asking. */
    public static final Map<String, String> ISSABEL_DEFAULT_OPTIONS = options(
            "attach", "no", "saycid", "no", "envelope", "no", "delete", "no");

    public Mailbox {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(number, "number");
        pin = pin == null ? "" : pin;
        fullName = fullName == null ? "" : fullName;
        email = email == null ? "" : email;
        pager = pager == null ? "" : pager;
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * The mailbox of an extension as the extensions API has always written it: in {@code [default]}, the PIN the
     * extension number (as the Issabel GUI suggests), no e-mail, {@link #ISSABEL_DEFAULT_OPTIONS}. The characters
     * a full name cannot hold in voicemail.conf become spaces: commas (field separators), semicolons (Asterisk
     * reads the rest of the line as a comment) and control characters.
     */
    public static Mailbox forExtension(String extension, String name) {
        String fullName = name == null ? "" : name.replaceAll("[,;\\p{Cntrl}]", " ");
        return new Mailbox("default", extension, extension, fullName, "", "", ISSABEL_DEFAULT_OPTIONS);
    }

    /** Options in the order given: {@code options("attach", "yes", "saycid", "no")}. */
    public static Map<String, String> options(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("options need a value for every key");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(options);
    }
}
