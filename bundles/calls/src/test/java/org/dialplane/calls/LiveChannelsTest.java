package org.dialplane.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class LiveChannelsTest {
    @Test
    void deviceOfAChannelName() {
        assertEquals("402", LiveChannels.device("SIP/402-0000001a"));
        assertEquals("402", LiveChannels.device("PJSIP/402-00000003"));
        assertEquals("402", LiveChannels.device("Local/402@from-internal-00000001;1"));
        assertEquals(null, LiveChannels.device("nonsense"));
    }

    @Test
    void aTenantSeesChannelsOfItsExtensions() {
        var visible = LiveChannels.visibleTo(Set.of("402"));
        assertTrue(visible.test(channel("SIP/402-1", "999", "")));
        assertTrue(visible.test(channel("SIP/trunk-1", "402", "")));
        assertTrue(visible.test(channel("SIP/trunk-1", "555", "402-DEVEL")));
        assertFalse(visible.test(channel("SIP/403-1", "403", "403-OTHER")));
        assertTrue(LiveChannels.visibleTo(null).test(channel("SIP/403-1", "403", "")));
    }

    @Test
    void channelsSharingALinkedidAreOneCall() {
        AmiEvent a = new AmiEvent("CoreShowChannel", Map.of("Uniqueid", "1.1", "Linkedid", "1.1"));
        AmiEvent b = new AmiEvent("CoreShowChannel", Map.of("Uniqueid", "1.2", "Linkedid", "1.1"));
        AmiEvent c = new AmiEvent("CoreShowChannel", Map.of("Uniqueid", "2.1"));
        assertEquals(2, LiveChannels.calls(List.of(a, b, c)));
    }

    private static AmiEvent channel(String name, String callerIdNum, String account) {
        return new AmiEvent("CoreShowChannel", Map.of("Channel", name, "CallerIDNum", callerIdNum,
                "Accountcode", account));
    }
}
