package org.dialplane.voicemail.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a write sets on a mailbox; {@code null} (or an absent option) for what was not sent, which stays as it is
 * (a create gives it IssabelPBX's default). Build it from the API's field names with
 * {@link VoicemailService#change}, which checks it as the REST resource does; the service checks one built by hand
 * the same way.
 *
 * @param mailbox  the mailbox number, or {@code null} for a PUT (the path names it)
 * @param context  the voicemail.conf section, {@code default} for IssabelPBX's mailboxes
 * @param pin      the PIN, 4 to 10 digits
 * @param name     the full name
 * @param email    the e-mail address new messages are sent to; empty for none
 * @param pager    the pager e-mail address; empty for none
 * @param options  voicemail.conf options sent ({@code attach}, {@code saycid}, ...) -> {@code yes} or {@code no}
 */
public record MailboxChange(String mailbox, String context, String pin, String name, String email, String pager,
        Map<String, String> options) {

    public MailboxChange {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    /** This change for another mailbox number. */
    public MailboxChange withMailbox(String number) {
        return new MailboxChange(number, context, pin, name, email, pager, options);
    }
}
