package org.dialplane.core.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void whenChannelOrQueueMemberNamed_thenItsExtensionIsFoundOrNull() {
        assertEquals("402", Channels.extensionOf("SIP/402-0000001a"));
        assertEquals("402", Channels.extensionOf("PJSIP/402"));
        assertEquals("402", Channels.extensionOf("PJSIP/402-00000003"));
        assertEquals("402", Channels.extensionOf("Local/402@from-queue/n"));
        assertEquals("402", Channels.extensionOf("Local/402@from-internal-0001;1"));
        assertEquals("402", Channels.extensionOf("hint:402@ext-local"));
        assertNull(Channels.extensionOf("SIP/"));
        assertNull(Channels.extensionOf("nothing"));
        assertNull(Channels.extensionOf(null));
    }

    @Test
    void whenExtensionIsDeviceCallerIdOrAccount_thenTheChannelConcernsIt() {
        Set<String> tenant = Set.of("402", "403");
        assertTrue(Channels.concerns(channel("SIP/402-00000001", "999", ""), tenant));
        assertTrue(Channels.concerns(channel("SIP/trunk-00000002", "403", ""), tenant));
        assertTrue(Channels.concerns(channel("SIP/trunk-00000003", "0612345678", "402-DEVEL"), tenant));
        assertFalse(Channels.concerns(channel("SIP/501-00000004", "501", "501-OTHER"), tenant));
        assertFalse(Channels.concerns(new AmiEvent("Hangup", Map.of()), tenant), "no fields, no match, no NPE");
        assertTrue(Channels.concerns(channel("SIP/501-00000004", "501", ""), null), "a global caller sees all");
    }

    @Test
    void whenExtensionsOfAChannelAsked_thenTheNumbersItMayConcern() {
        assertEquals(Set.of("402", "0612345678", "403"),
                Channels.extensionsOf(channel("SIP/402-00000001", "0612345678", "403-DEVEL")));
        assertEquals(Set.of(), Channels.extensionsOf(channel("DAHDI/", "", "")));
    }

    private static AmiEvent channel(String name, String callerIdNum, String account) {
        return new AmiEvent("Newchannel", Map.of("Channel", name, "CallerIDNum", callerIdNum, "AccountCode", account));
    }
}
