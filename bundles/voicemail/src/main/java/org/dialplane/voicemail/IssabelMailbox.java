package org.dialplane.voicemail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.voicemail.api.MailboxChange;

/**
 * How IssabelPBX keeps a mailbox: its line in voicemail.conf ({@code 1005 => 1234,Name,mail,pager,attach=no|...}),
 * the extension's {@code users.voicemail} column holding the mailbox's context ({@code novm} without a mailbox),
 * and the same value in AstDB's {@code AMPUSER/<extension>/voicemail}, which the dialplan reads.
 */
final class IssabelMailbox {
    static final String NO_MAILBOX = "novm";
    static final String DEFAULT_CONTEXT = "default";

    private IssabelMailbox() {
    }

    /**
     * A new mailbox: what was not sent gets IssabelPBX's values: context {@code default}, the extension's name,
     * no e-mail, and IssabelPBX's four options ({@code attach}, {@code saycid}, {@code envelope}, {@code delete},
     * all {@code no}) before the ones sent.
     */
    static Mailbox created(MailboxChange change, String extensionName) {
        Map<String, String> options = new LinkedHashMap<>(Mailbox.ISSABEL_DEFAULT_OPTIONS);
        options.putAll(change.options());
        String name = change.name() != null ? change.name() : printable(extensionName);
        return new Mailbox(or(change.context(), DEFAULT_CONTEXT), change.mailbox(), change.pin(), name,
                or(change.email(), ""), or(change.pager(), ""), options);
    }

    /** The mailbox with the fields the change sends; options keep their place, new ones go last. */
    static Mailbox updated(Mailbox mailbox, MailboxChange change) {
        Map<String, String> options = new LinkedHashMap<>(mailbox.options());
        options.putAll(change.options());
        return new Mailbox(or(change.context(), mailbox.context()), mailbox.number(), or(change.pin(), mailbox.pin()),
                or(change.name(), mailbox.fullName()), or(change.email(), mailbox.email()),
                or(change.pager(), mailbox.pager()), options);
    }

    /** {@code AMPUSER/<extension>/voicemail}: the context, or {@code novm}. */
    static AstDbChanges voicemailKey(String extension, String contextOrNone) {
        return new AstDbChanges().put("AMPUSER", extension + "/voicemail", contextOrNone);
    }

    /** An extension's name as a full name: what voicemail.conf cannot hold becomes a space (as core does). */
    private static String printable(String name) {
        return name == null ? "" : name.replaceAll("[,;|=<>\\p{Cntrl}]", " ").strip();
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
