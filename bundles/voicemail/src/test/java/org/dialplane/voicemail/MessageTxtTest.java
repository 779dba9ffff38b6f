package org.dialplane.voicemail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dialplane.voicemail.api.VoicemailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTxtTest {
    /** As app_voicemail's leave_voicemail writes it (Asterisk 13+). */
    private static final String TXT = ";\n; Message Information file\n;\n[message]\norigmailbox=1005\n"
            + "context=macro-vm\nmacrocontext=ext-local\nexten=s-NOANSWER\nrdnis=1005\npriority=2\n"
            + "callerchan=SIP/trunk-00000001\ncallerid=\"Alice Smith\" <5551000>\n"
            + "origdate=Thu Oct 06 12:01:49 PM UTC 2016\norigtime=1475755309\ncategory=\n"
            + "msg_id=1475685709-00000004\nflag=\nduration=12\n";

    @TempDir
    Path folder;

    @Test
    void whenTxtAsAppVoicemailWritesIt_thenEveryFieldRead() throws IOException {
        VoicemailMessage message = read(TXT, "wav", "gsm");
        assertEquals("1475685709-00000004", message.id());
        assertEquals("Alice Smith", message.callerName());
        assertEquals("5551000", message.callerNumber());
        assertEquals("2016-10-06T12:01:49Z", message.time());
        assertEquals(12, message.duration());
        assertEquals("1005", message.origMailbox());
        assertNull(message.category());
        assertEquals(java.util.List.of("wav", "gsm"), message.formats());
        assertTrue(message.readable());
    }

    @Test
    void whenTxtCorruptOrWithoutMsgId_thenStillAMessageWithItsPlaceAsId() throws IOException {
        VoicemailMessage binary = read("[message]\nmsg_id=1-2\ncallerid=\0\u00ff\n");
        assertFalse(binary.readable());
        assertEquals("INBOX-0007", binary.id());
        VoicemailMessage noSection = read("garbage without a section\n");
        assertFalse(noSection.readable());
        VoicemailMessage old = read(TXT.replace("msg_id=1475685709-00000004\n", ""));
        assertTrue(old.readable());
        assertEquals("INBOX-0007", old.id());
        VoicemailMessage hostile = read(TXT.replace("msg_id=1475685709-00000004", "msg_id=../../etc/passwd"));
        assertEquals("INBOX-0007", hostile.id(), "an id that is not an id is not used");
    }

    @Test
    void whenCallerIdInEachAsteriskForm_thenNameAndNumberSplit() {
        assertArrayEquals(new String[] {"Alice", "5551000"}, MessageTxt.callerId("\"Alice\" <5551000>"));
        assertArrayEquals(new String[] {null, "5551000"}, MessageTxt.callerId("<5551000>"));
        assertArrayEquals(new String[] {null, "5551000"}, MessageTxt.callerId("5551000"));
        assertArrayEquals(new String[] {"Bob", null}, MessageTxt.callerId("Bob"));
        assertArrayEquals(new String[] {null, null}, MessageTxt.callerId("Unknown"));
    }

    @Test
    void whenValuesHaveCommentsOrArrows_thenReadAsAsteriskDoes() {
        Map<String, String> values = MessageTxt.parse("[message]\nduration => 5 ; seconds\ncallerid=a\\;b\n");
        assertEquals("5", values.get("duration"));
        assertEquals("a;b", values.get("callerid"));
    }

    private VoicemailMessage read(String txt, String... formats) throws IOException {
        Path file = Files.writeString(folder.resolve("msg0007.txt"), txt);
        Map<String, Path> audio = new java.util.LinkedHashMap<>();
        for (String format : formats) {
            audio.put(format, Files.write(folder.resolve("msg0007." + format), new byte[] {1}));
        }
        Map<String, Path> all = new java.util.LinkedHashMap<>(audio);
        all.put("txt", file);
        return MessageTxt.read("INBOX", new VoicemailSpool.MessageFiles(7, file, audio, all));
    }
}
