package org.dialplane.voicemail;

import java.util.List;

import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;

/**
 * What the PBX must hear once a mailbox write has committed (voicemail.conf is already written, inside the
 * transaction): the {@code AMPUSER/<extension>/voicemail} keys pushed to AstDB, and an apply, which reloads
 * app_voicemail's mailboxes, unless the caller sent {@code reload=0}.
 */
final class VoicemailNotifier {
    private final AfterCommit afterCommit;

    VoicemailNotifier(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    void saved(MailboxRepository.Saved saved, boolean apply) {
        afterCommit.written(reason(List.of(saved.mailbox().number())), saved.astdb(), apply);
    }

    void deleted(List<String> mailboxes, AstDbChanges astdb, boolean apply) {
        afterCommit.written(reason(mailboxes), astdb, apply);
    }

    private static String reason(List<String> mailboxes) {
        return "voicemail: " + (mailboxes.size() <= 5 ? String.join(",", mailboxes) : mailboxes.size());
    }
}
