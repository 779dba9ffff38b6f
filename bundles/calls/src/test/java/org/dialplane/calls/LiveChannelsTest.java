package org.dialplane.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.dialplane.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class LiveChannelsTest {
    @Test
    void whenChannelsShareALinkedid_thenTheyAreOneCall() {
        AmiEvent a = new AmiEvent("CoreShowChannel", Map.of("Uniqueid", "1.1", "Linkedid", "1.1"));
        AmiEvent b = new AmiEvent("CoreShowChannel", Map.of("Uniqueid", "1.2", "Linkedid", "1.1"));
        AmiEvent c = new AmiEvent("CoreShowChannel", Map.of("Uniqueid", "2.1"));
        assertEquals(2, LiveChannels.calls(List.of(a, b, c)));
    }
}
