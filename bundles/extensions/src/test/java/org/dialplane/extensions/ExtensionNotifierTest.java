package org.dialplane.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.extensions.api.ExtensionChange;
import org.dialplane.testing.fakes.FakeMailboxes;
import org.dialplane.testing.fakes.FakePbx;
import org.junit.jupiter.api.Test;

class ExtensionNotifierTest {
    private final FakePbx pbx = new FakePbx();
    private final FakeMailboxes mailboxes = new FakeMailboxes();

    private ExtensionNotifier notifier() {
        return new ExtensionNotifier(new AfterCommit(pbx, pbx), mailboxes);
    }

    private static ExtensionRepository.Saved created(String extension, String voicemail) {
        ExtensionChange change = IssabelExtension.withDefaults(
                new ExtensionChange(extension, "Ann", null, null, null, voicemail, Map.of()));
        return new ExtensionRepository.Saved(extension, true, IssabelExtension.created(change), voicemail, "Ann");
    }

    private Optional<Mailbox> mailbox(String number) {
        return mailboxes.mailbox("default", number);
    }

    @Test
    void whenExtensionCreated_thenAstDbPushedAndApplyRequested() {
        ExtensionRepository.Saved saved = created("201", "novm");

        notifier().saved(saved, true);

        assertEquals(saved.astdb().ops(), pbx.pushed);
        assertEquals(List.of("extensions: 201"), pbx.applies);
    }

    @Test
    void whenReloadIsZero_thenNoApply() {
        notifier().saved(created("201", "novm"), false);

        assertFalse(pbx.pushed.isEmpty());
        assertEquals(List.of(), pbx.applies);
    }

    @Test
    void whenExtensionCreatedWithVoicemail_thenMailboxWritten() {
        notifier().saved(created("201", "default"), true);

        assertEquals(Optional.of(Mailbox.forExtension("201", "Ann")), mailbox("201"));
    }

    @Test
    void whenExtensionRenamed_thenItsMailboxKeepsPinEmailAndOptions() {
        mailboxes.put(new Mailbox("default", "201", "4321", "Ann", "ann@example.com", "", Map.of("attach", "yes")));

        notifier().saved(new ExtensionRepository.Saved("201", false, new AstDbChanges(), "default", "Ann B"), true);

        assertEquals(Optional.of(new Mailbox("default", "201", "4321", "Ann B", "ann@example.com", "",
                Map.of("attach", "yes"))), mailbox("201"));
    }

    @Test
    void whenVoicemailSetToNovm_thenMailboxRemoved() {
        notifier().saved(created("201", "default"), true);

        notifier().saved(new ExtensionRepository.Saved("201", false, new AstDbChanges(), "novm", "Ann"), true);

        assertEquals(Optional.empty(), mailbox("201"));
    }

    @Test
    void whenUpdateLeavesVoicemailAlone_thenMailboxKept() {
        notifier().saved(created("201", "default"), true);

        notifier().saved(new ExtensionRepository.Saved("201", false, new AstDbChanges(), null, null), true);

        assertTrue(mailbox("201").isPresent());
    }

    @Test
    void whenExtensionDeleted_thenMailboxRemoved() {
        notifier().saved(created("201", "default"), true);
        notifier().saved(created("202", "default"), true);

        notifier().deleted(List.of("201"), IssabelExtension.deleted(List.of("201")), true);

        assertEquals(Optional.empty(), mailbox("201"));
        assertTrue(mailbox("202").isPresent());
    }

    @Test
    void whenExtensionsDeleted_thenAstDbTreesDeletedAndOneApplyRequested() {
        notifier().deleted(List.of("201", "202"), IssabelExtension.deleted(List.of("201", "202")), true);

        assertTrue(pbx.pushed.stream().allMatch(AstDbChanges.Op::isDelete));
        assertTrue(pbx.pushed.contains(new AstDbChanges.Op("AMPUSER", "202", null)));
        assertEquals(List.of("extensions: 201,202"), pbx.applies);
    }

    @Test
    void whenVoicemailConfCannotBeWritten_thenTheRestStillHappens() {
        mailboxes.failing = true;

        notifier().saved(created("201", "default"), true);

        assertFalse(pbx.pushed.isEmpty());
        assertEquals(List.of("extensions: 201"), pbx.applies);
    }
}
