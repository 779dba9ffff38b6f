package org.dialplane.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.extensions.api.ExtensionChange;
import org.junit.jupiter.api.Test;

class IssabelExtensionTest {

    private static ExtensionChange sent(String extension, String name, String tech) {
        return new ExtensionChange(extension, name, null, tech, null, null, Map.of());
    }

    /** The put operations as family/key -> value. */
    private static Map<String, String> puts(AstDbChanges changes) {
        Map<String, String> puts = new HashMap<>();
        changes.ops().stream().filter(op -> !op.isDelete()).forEach(op -> puts.put(op.family() + "/" + op.key(),
                op.value()));
        return puts;
    }

    @Test
    void whenCreatedWithNothingSent_thenIssabelDefaultsAndARandomSecret() {
        ExtensionChange e = IssabelExtension.withDefaults(sent("201", null, null));

        assertEquals("Extension", e.name());
        assertEquals("sip", e.tech());
        assertEquals(0, e.ringtimer());
        assertEquals("novm", e.voicemail());
        assertEquals(Map.of("recording_in_internal", "dontcare", "recording_in_external", "dontcare",
                "recording_out_internal", "dontcare", "recording_out_external", "dontcare"), e.recording());
        assertTrue(e.secret().matches("[A-Za-z0-9]{32}"), e.secret());
        assertNotEquals(e.secret(), IssabelExtension.withDefaults(sent("201", null, null)).secret());
    }

    @Test
    void whenCreatedWithValuesSent_thenDefaultsKeepThem() {
        ExtensionChange e = IssabelExtension.withDefaults(new ExtensionChange("201", "Ann", "secret1", "pjsip", 15,
                "default", Map.of("recording_in_external", "always")));

        assertEquals(new ExtensionChange("201", "Ann", "secret1", "pjsip", 15, "default", e.recording()), e);
        assertEquals("always", e.recording().get("recording_in_external"));
        assertEquals("dontcare", e.recording().get("recording_out_external"));
    }

    @Test
    void whenTechIsSet_thenDialStringFollowsIt() {
        assertEquals("SIP/201", IssabelExtension.dial(sent("201", null, "sip")));
        assertEquals("PJSIP/201", IssabelExtension.dial(sent("201", null, "pjsip")));
    }

    @Test
    void whenSipRowsWritten_thenInIssabelsOrderWithFlagsFromTwo() {
        List<IssabelExtension.SipRow> rows = IssabelExtension.sipRows(
                IssabelExtension.withDefaults(new ExtensionChange("201", "Ann", "pw1234", "sip", null, null, null)));

        assertEquals(new IssabelExtension.SipRow("secret", "pw1234", 2), rows.get(0));
        assertEquals(new IssabelExtension.SipRow("callerid", "device <201>", rows.size() + 1),
                rows.get(rows.size() - 1));
        assertTrue(rows.contains(new IssabelExtension.SipRow("dial", "SIP/201", 25)));
        assertTrue(rows.contains(new IssabelExtension.SipRow("mailbox", "201@device", 27)));
    }

    @Test
    void whenPjsip_thenMailboxHasNoDeviceContext() {
        List<IssabelExtension.SipRow> rows = IssabelExtension.sipRows(IssabelExtension.withDefaults(
                sent("201", null, "pjsip")));

        assertTrue(rows.contains(new IssabelExtension.SipRow("mailbox", "201", 27)));
    }

    @Test
    void whenCreated_thenCoreModuleKeysWritten() {
        Map<String, String> keys = puts(IssabelExtension.created(IssabelExtension.withDefaults(
                new ExtensionChange("201", "Ann", "pw1234", "sip", 20, "default", Map.of("recording_in_external",
                        "never")))));

        assertEquals("Ann", keys.get("AMPUSER/201/cidname"));
        assertEquals("20", keys.get("AMPUSER/201/ringtimer"));
        assertEquals("default", keys.get("AMPUSER/201/voicemail"));
        assertEquals("never", keys.get("AMPUSER/201/recording/in/external"));
        assertEquals("dontcare", keys.get("AMPUSER/201/recording/out/internal"));
        assertEquals("SIP/201", keys.get("DEVICE/201/dial"));
        assertEquals("ENABLED", keys.get("CW/201"));
    }

    @Test
    void whenUpdated_thenOnlyTheKeysOfTheFieldsSent() {
        AstDbChanges changes = IssabelExtension.updated(new ExtensionChange("201", "Bob", "pw1234", null, null, null,
                Map.of("recording_out_external", "always")));

        assertEquals(Map.of("AMPUSER/201/cidname", "Bob", "AMPUSER/201/recording/out/external", "always"),
                puts(changes));
    }

    @Test
    void whenDeleted_thenEveryTreeIssabelRemoves() {
        AstDbChanges changes = IssabelExtension.deleted(List.of("201"));

        assertEquals(List.of("AMPUSER", "DEVICE", "CW", "CF", "CFB", "CFU"),
                changes.ops().stream().map(AstDbChanges.Op::family).toList());
        assertTrue(changes.ops().stream().allMatch(op -> op.isDelete() && op.key().equals("201")));
    }

    @Test
    void whenChangeBuilt_thenRecordingIsNeverNullAndCannotBeChanged() {
        ExtensionChange change = sent("201", null, null);

        assertEquals(Map.of(), new ExtensionChange(null, null, null, null, null, null, null).recording());
        assertThrows(UnsupportedOperationException.class, () -> change.recording().put("x", "y"));
        assertEquals("202", change.withExtension("202").extension());
    }
}
