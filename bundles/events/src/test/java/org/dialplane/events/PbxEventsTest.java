package org.dialplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.apply.ApplyStatus;
import org.junit.jupiter.api.Test;

class PbxEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void whenChannelEventReceived_thenACallEventAboutItsExtensions() {
        Map<String, String> channel = Map.of("Channel", "SIP/402-00000001", "Uniqueid", "1700.1", "Linkedid", "1700.1",
                "CallerIdNum", "402", "AccountCode", "403-DEVEL", "Exten", "9922323232");

        PbxEvents.Draft started = PbxEvents.from(new AmiEvent("NewChannel", channel), NOW).orElseThrow();

        assertEquals("call.started", started.type());
        assertEquals("SIP/402-00000001", started.data().get("channel"));
        assertEquals("1700.1", started.data().get("uniqueid"));
        assertEquals("402", started.data().get("callerid_num"));
        assertEquals("9922323232", started.data().get("exten"));
        assertEquals("2026-11-26T10:00:00Z", started.data().get("time"));
        assertEquals(Set.of("402", "403"), started.concerns());
    }

    @Test
    void whenStateChanges_thenOnlyTheAnsweredStateIsAnAnswer() {
        assertEquals("call.answered", PbxEvents.from(new AmiEvent("NewState",
                Map.of("Channel", "SIP/402-1", "ChannelState", "6")), NOW).orElseThrow().type());
        assertTrue(PbxEvents.from(new AmiEvent("NewState", Map.of("Channel", "SIP/402-1", "ChannelState", "5")),
                NOW).isEmpty(), "ringing is not an answer");
    }

    @Test
    void whenHangupReceived_thenItCarriesItsCauseInEitherSpelling() {
        PbxEvents.Draft typed = PbxEvents.from(new AmiEvent("Hangup", Map.of("Channel", "SIP/402-1", "Cause", "16",
                "CauseTxt", "Normal Clearing")), NOW).orElseThrow();
        PbxEvents.Draft raw = PbxEvents.from(new AmiEvent("Hangup", Map.of("Channel", "SIP/402-1", "Cause", "17",
                "Cause-txt", "User busy")), NOW).orElseThrow();
        assertEquals("call.hangup", typed.type());
        assertEquals("Normal Clearing", typed.data().get("cause_text"));
        assertEquals("User busy", raw.data().get("cause_text"));
    }

    @Test
    void whenQueueMemberPausedInEitherAsteriskGeneration_thenAnAgentEvent() {
        PbxEvents.Draft paused = PbxEvents.from(new AmiEvent("QueueMemberPause", Map.of("Queue", "281",
                "Interface", "Local/104@from-queue/n", "Paused", "true", "PausedReason", "Breakfast")), NOW)
                .orElseThrow();
        PbxEvents.Draft unpaused = PbxEvents.from(new AmiEvent("QueueMemberPaused", Map.of("Queue", "281",
                "Location", "SIP/104", "Paused", "0", "Reason", "")), NOW).orElseThrow();

        assertEquals("agent.paused", paused.type());
        assertEquals("104", paused.data().get("extension"));
        assertEquals("Breakfast", paused.data().get("reason"));
        assertEquals(Set.of("104"), paused.concerns());
        assertEquals("agent.unpaused", unpaused.type());
        assertEquals("SIP/104", unpaused.data().get("interface"));
        assertNull(unpaused.data().get("reason"));
    }

    @Test
    void whenOtherAmiEventReceived_thenItStaysInside() {
        assertTrue(PbxEvents.from(new AmiEvent("VarSet", Map.of("Channel", "SIP/402-1")), NOW).isEmpty());
        assertTrue(PbxEvents.from(new AmiEvent("FullyBooted", Map.of()), NOW).isEmpty());
    }

    @Test
    void whenConfigApplied_thenEveryoneHearsOfIt() {
        PbxEvents.Draft applied = PbxEvents.applied(new ApplyStatus(false, false, "command", 3, 2, NOW, NOW,
                "failure", "exit 1", "oops"), NOW);
        assertEquals("config.applied", applied.type());
        assertEquals("failure", applied.data().get("result"));
        assertEquals("exit 1", applied.data().get("error"));
        assertEquals(2L, applied.data().get("runs"));
        assertNull(applied.concerns());
        assertFalse(applied.data().containsKey("output"), "the command's output stays with /applychanges");
    }

    @Test
    void whenTenantListens_thenItSeesItsExtensionsEventsAndEveryoneSeesPublicOnes() {
        LoggedEvent call = new LoggedEvent(1, null, "{}", Set.of("402", "0612345678"));
        LoggedEvent apply = new LoggedEvent(2, null, "{}", null);
        assertTrue(call.visibleTo(Set.of("402")));
        assertFalse(call.visibleTo(Set.of("403")));
        assertTrue(call.visibleTo(null));
        assertTrue(apply.visibleTo(Set.of("403")));
    }
}
