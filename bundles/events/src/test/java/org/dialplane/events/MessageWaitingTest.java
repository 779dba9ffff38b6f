package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class MessageWaitingTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void whenNewCountRises_thenVoicemailNewElseChanged() {
        MessageWaiting waiting = new MessageWaiting();
        PbxEvents.Draft first = waiting.from(mwi("1005@default", "1", "1", "0"), NOW).orElseThrow();
        PbxEvents.Draft second = waiting.from(mwi("1005@default", "1", "2", "0"), NOW).orElseThrow();
        PbxEvents.Draft heard = waiting.from(mwi("1005@default", "1", "1", "1"), NOW).orElseThrow();
        PbxEvents.Draft same = waiting.from(mwi("1005@default", "1", "1", "1"), NOW).orElseThrow();

        assertEquals("voicemail.new", first.type());
        assertEquals("voicemail.new", second.type());
        assertEquals("voicemail.changed", heard.type());
        assertEquals("voicemail.changed", same.type());
        assertEquals("1005", heard.data().get("mailbox"));
        assertEquals("default", heard.data().get("context"));
        assertEquals(1, heard.data().get("new"));
        assertEquals(1, heard.data().get("old"));
        assertEquals(true, heard.data().get("waiting"));
        assertEquals(Set.of("1005"), heard.concerns());
    }

    @Test
    void whenMailboxesDiffer_thenEachCountedOnItsOwn() {
        MessageWaiting waiting = new MessageWaiting();
        waiting.from(mwi("1005@default", "1", "3", "0"), NOW);
        assertEquals("voicemail.new", waiting.from(mwi("1006@default", "1", "1", "0"), NOW).orElseThrow().type());
        assertEquals("voicemail.changed", waiting.from(mwi("1005@default", "0", "0", "3"), NOW).orElseThrow()
                .type());
    }

    @Test
    void whenOtherEventOrNoMailbox_thenNothing() {
        MessageWaiting waiting = new MessageWaiting();
        assertTrue(waiting.from(new AmiEvent("Hangup", Map.of("Channel", "SIP/1-1")), NOW).isEmpty());
        assertTrue(waiting.from(new AmiEvent("MessageWaiting", Map.of("New", "1")), NOW).isEmpty());
    }

    private static AmiEvent mwi(String mailbox, String waiting, String fresh, String old) {
        return new AmiEvent("MessageWaiting", Map.of("Mailbox", mailbox, "Waiting", waiting, "New", fresh, "Old", old));
    }
}
