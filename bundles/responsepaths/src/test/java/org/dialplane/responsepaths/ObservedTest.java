package org.dialplane.responsepaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class ObservedTest {

    @Test
    void whenResponsePathUserEventHeard_thenItsPathAndStepAreRead() {
        Observed step = Observed.from(new AmiEvent("UserEvent", Map.of("UserEvent", "ResponsePath", "Uniqueid",
                "1.5", "Path", "19", "Step", "variable", "TypeId", "85", "Value", "36985"))).orElseThrow();

        assertEquals(new Observed("1.5", 19L, "VARIABLE", "85", "36985", ""), step);
    }

    @Test
    void whenQueueJoinAgentConnectAndHangupHeard_thenTheyAreQueueAnswerAndHangup() {
        assertEquals(new Observed("1.5", null, "QUEUE", "281", "", ""), Observed.from(new AmiEvent(
                "QueueCallerJoin", Map.of("Uniqueid", "1.5", "Queue", "281", "Position", "1"))).orElseThrow());
        assertEquals(new Observed("1.5", null, "ANSWER", "0", "104", "Bob"), Observed.from(new AmiEvent(
                "AgentConnect", Map.of("Uniqueid", "1.5", "Interface", "Local/104@from-queue/n", "MemberName", "Bob")))
                .orElseThrow());
        assertEquals("105", Observed.from(new AmiEvent("AgentConnect", Map.of("Uniqueid", "1.5", "Interface",
                "SIP/105"))).orElseThrow().value());
        assertEquals("HANGUP", Observed.from(new AmiEvent("Hangup", Map.of("Uniqueid", "1.5", "Cause", "16")))
                .orElseThrow().type());
    }

    @Test
    void whenUserEventIsMalformedOrAnother_thenNothingIsObserved() {
        assertTrue(Observed.from(new AmiEvent("UserEvent", Map.of("UserEvent", "ResponsePath", "Uniqueid", "1.5",
                "Path", "x", "Step", "START"))).isEmpty());
        assertTrue(Observed.from(new AmiEvent("UserEvent", Map.of("UserEvent", "ResponsePath", "Uniqueid", "1.5",
                "Path", "19", "Step", "EXPLODE"))).isEmpty());
        assertTrue(Observed.from(new AmiEvent("UserEvent", Map.of("UserEvent", "Other", "Uniqueid", "1.5")))
                .isEmpty());
        assertTrue(Observed.from(new AmiEvent("Hangup", Map.of("Cause", "16"))).isEmpty());
    }
}
