package org.dialplane.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.extensions.api.ExtensionChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionNotifierTest {
    @TempDir
    Path etc;

    private final FakePbx pbx = new FakePbx();

    private ExtensionNotifier notifier() {
        return new ExtensionNotifier(new AfterCommit(pbx, pbx), new VoicemailConf(etc));
    }

    private static ExtensionRepository.Saved created(String extension, String voicemail) {
        ExtensionChange change = IssabelExtension.withDefaults(
                new ExtensionChange(extension, "Ann", null, null, null, voicemail, Map.of()));
        return new ExtensionRepository.Saved(extension, true, IssabelExtension.created(change), voicemail, "Ann");
    }

    private String voicemailConf() throws IOException {
        Path file = etc.resolve("voicemail.conf");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
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
    void whenExtensionCreatedWithVoicemail_thenMailboxWritten() throws IOException {
        notifier().saved(created("201", "default"), true);

        assertTrue(voicemailConf().contains("[default]\n201 => 201,Ann,,,attach=no|saycid=no|envelope=no|delete=no"),
                voicemailConf());
    }

    @Test
    void whenVoicemailSetToNovm_thenMailboxRemoved() throws IOException {
        notifier().saved(created("201", "default"), true);

        notifier().saved(new ExtensionRepository.Saved("201", false, new AstDbChanges(), "novm", "Ann"), true);

        assertFalse(voicemailConf().contains("201 =>"), voicemailConf());
    }

    @Test
    void whenUpdateLeavesVoicemailAlone_thenMailboxKept() throws IOException {
        notifier().saved(created("201", "default"), true);

        notifier().saved(new ExtensionRepository.Saved("201", false, new AstDbChanges(), null, null), true);

        assertTrue(voicemailConf().contains("201 => 201,Ann"), voicemailConf());
    }

    @Test
    void whenExtensionDeleted_thenMailboxRemoved() throws IOException {
        notifier().saved(created("201", "default"), true);
        notifier().saved(created("202", "default"), true);

        notifier().deleted(List.of("201"), IssabelExtension.deleted(List.of("201")), true);

        assertFalse(voicemailConf().contains("201 =>"), voicemailConf());
        assertTrue(voicemailConf().contains("202 => 202,Ann"), voicemailConf());
    }

    @Test
    void whenExtensionsDeleted_thenAstDbTreesDeletedAndOneApplyRequested() {
        notifier().deleted(List.of("201", "202"), IssabelExtension.deleted(List.of("201", "202")), true);

        assertTrue(pbx.pushed.stream().allMatch(AstDbChanges.Op::isDelete));
        assertTrue(pbx.pushed.contains(new AstDbChanges.Op("AMPUSER", "202", null)));
        assertEquals(List.of("extensions: 201,202"), pbx.applies);
    }

    @Test
    void whenNoAsteriskConfigDirectory_thenTheRestStillHappens() {
        new ExtensionNotifier(new AfterCommit(pbx, pbx), new VoicemailConf(etc.resolve("absent")))
                .saved(created("201", "default"), true);

        assertFalse(Files.exists(etc.resolve("absent")));
        assertEquals(List.of("extensions: 201"), pbx.applies);
    }
}
