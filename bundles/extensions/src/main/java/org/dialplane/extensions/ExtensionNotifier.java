package org.dialplane.extensions;

import java.util.List;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.asterisk.VoicemailConf;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;

/**
 * What the PBX must hear once a write of extensions has committed: their AstDB keys, their mailboxes in
 * voicemail.conf, and an apply unless the caller sent {@code reload=0}.
 */
final class ExtensionNotifier {
    private final AfterCommit afterCommit;
    private final VoicemailConf voicemail;

    ExtensionNotifier(AfterCommit afterCommit, VoicemailConf voicemail) {
        this.afterCommit = afterCommit;
        this.voicemail = voicemail;
    }

    /** A create or an update: the mailbox follows the voicemail setting when the write concerned it. */
    void saved(ExtensionRepository.Saved saved, boolean apply) {
        afterCommit.written(reason(List.of(saved.extension())), saved.astdb(), apply, () -> mailbox(saved));
    }

    /**
     * A bulk import: the AstDB keys pushed a window at a time ({@code push}), the mailboxes of the rows that set
     * voicemail or a name, then one apply for all. A new extension without voicemail has no mailbox to remove.
     */
    void imported(int rows, Runnable push, List<ExtensionRepository.Saved> mailboxes, boolean apply) {
        afterCommit.written("extensions: " + rows + " imported", new AstDbChanges(), apply, push,
                () -> mailboxes.forEach(this::mailbox));
    }

    /** A delete: the mailboxes go with the extensions. */
    void deleted(List<String> extensions, AstDbChanges astdb, boolean apply) {
        afterCommit.written(reason(extensions), astdb, apply, () -> extensions.forEach(voicemail::deleteEverywhere));
    }

    /**
     * A mailbox the extension already has keeps its PIN, e-mail and options (set through /pbxapi/voicemail or
     * IssabelPBX's GUI): only its name follows the extension's. A new one gets IssabelPBX's defaults.
     */
    void mailbox(ExtensionRepository.Saved saved) {
        if ("default".equals(saved.voicemail())) {
            Mailbox fresh = Mailbox.forExtension(saved.extension(), saved.name());
            voicemail.putOnly(voicemail.mailboxes().stream().filter(m -> m.number().equals(saved.extension()))
                    .findFirst().map(m -> new Mailbox(fresh.context(), m.number(), m.pin(), fresh.fullName(),
                            m.email(), m.pager(), m.options()))
                    .orElse(fresh));
        } else if ("novm".equals(saved.voicemail())) {
            voicemail.deleteEverywhere(saved.extension());
        }
    }

    /** Logged with the apply request: the numbers, or how many when a delete names many. */
    private static String reason(List<String> extensions) {
        return "extensions: " + (extensions.size() <= 5 ? String.join(",", extensions) : extensions.size());
    }
}
