package org.dialplane.voicemail;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.voicemail.api.MailboxChange;

/**
 * The fields of a mailbox, declared once. Mailboxes live in voicemail.conf, not in a table: the "columns" here are
 * only the field names, which {@link MailboxList} sorts and searches by in memory; no SQL is built from them.
 * Every pattern keeps out what would break a voicemail.conf line (commas, {@code ;}, {@code |}, {@code =>}, line
 * breaks), so core's {@code VoicemailConf} never has to refuse a value that passed here.
 */
final class VoicemailFields {
    static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");
    /** A voicemail.conf section name as IssabelPBX and MiRTA use them ({@code default}, {@code DEVEL-vm}). */
    static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");
    static final Pattern PIN = Pattern.compile("[0-9]{4,10}");
    /** A full name: no comma (field separator), {@code ;} (comment), {@code |}, {@code =}, control characters. */
    static final Pattern NAME = Pattern.compile("[^,;|=<>\\p{Cntrl}]{0,80}");
    static final Pattern EMAIL = Pattern.compile("(|[^\\s,;|=<>@]{1,64}@[A-Za-z0-9.-]{1,190})");
    /** The sections of voicemail.conf that are not mailboxes. */
    static final List<String> RESERVED_CONTEXTS = List.of("general", "zonemessages");
    /** The yes/no options offered, as voicemail.conf names them; IssabelPBX writes the first four to every mailbox. */
    static final List<String> OPTIONS = List.of("attach", "saycid", "envelope", "delete", "review", "operator",
            "hidefromdir");
    static final List<String> YES_NO = List.of("yes", "no");

    static final FieldSet FIELDS = FieldSet.builder()
            .field("mailbox", "mailbox", FieldSpec.text().required().matches(NUMBER, "2 to 10 digits")
                    .description("the mailbox number: the extension it belongs to"), DEFAULT, SEARCHABLE)
            .field("context", "context", FieldSpec.text().matches(CONTEXT, "a voicemail.conf context name")
                    .defaultValue("default").description("the voicemail.conf section; not general or zonemessages"),
                    DEFAULT)
            .field("pin", null, FieldSpec.text().required().matches(PIN, "4 to 10 digits").secret()
                    .description("the voicemail password"), DEFAULT)
            .field("name", "name", FieldSpec.text().matches(NAME, "at most 80 characters, without , ; | = < >")
                    .description("full name; by default the extension's name"), DEFAULT, SEARCHABLE)
            .field("email", "email", FieldSpec.text().matches(EMAIL, "one e-mail address, or empty")
                    .defaultValue(""), DEFAULT, SEARCHABLE)
            .field("pager_email", "pager_email", FieldSpec.text().matches(EMAIL, "one e-mail address, or empty")
                    .defaultValue(""))
            .field("attach", null, option("attach the recording to the e-mail"), DEFAULT)
            .field("saycid", null, option("say the caller's number before the message"))
            .field("envelope", null, option("say the date and time before the message"))
            .field("delete", null, option("delete the message once e-mailed"))
            .field("review", null, option("callers may review their message before leaving it"))
            .field("operator", null, option("callers may press 0 for the operator"))
            .field("hidefromdir", null, option("hide the mailbox from the dial-by-name directory"))
            .field("new", "new", FieldSpec.integer().readOnly().description("messages in INBOX"), DEFAULT,
                    UNSORTABLE)
            .field("old", "old", FieldSpec.integer().readOnly().description("messages in Old"), DEFAULT, UNSORTABLE)
            .field("urgent", "urgent", FieldSpec.integer().readOnly().description("messages in Urgent"), DEFAULT,
                    UNSORTABLE)
            .orderBy("mailbox")
            .build();

    private VoicemailFields() {
    }

    private static FieldSpec option(String meaning) {
        return FieldSpec.text().oneOf(YES_NO).defaultValue("no").description(meaning);
    }

    /**
     * What a request asks to set: only the fields sent; {@code mailbox} and {@code pin} are required on create;
     * the counts are read-only and ignored, so a GET answer can be sent back.
     */
    static MailboxChange validate(JsonBody body, boolean creating) {
        Validation v = FIELDS.validation(body, creating);
        String context = v.value("context");
        if (context != null && RESERVED_CONTEXTS.contains(context.toLowerCase(java.util.Locale.ROOT))) {
            v.error("context", "must not be " + context + ": that section of voicemail.conf holds no mailboxes");
        }
        v.check();
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : OPTIONS) {
            String value = v.value(option);
            if (value != null) {
                options.put(option, value);
            }
        }
        return new MailboxChange(v.value("mailbox"), context, v.value("pin"), v.value("name"), v.value("email"),
                v.value("pager_email"), options);
    }

    /** A change's fields by their API names, to check a change built by hand as a body is checked. */
    static JsonBody asBody(MailboxChange change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "mailbox", change.mailbox());
        put(fields, "context", change.context());
        put(fields, "pin", change.pin());
        put(fields, "name", change.name());
        put(fields, "email", change.email());
        put(fields, "pager_email", change.pager());
        change.options().forEach(fields::put);
        return JsonBody.of(fields);
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
