package org.dialplane.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MacTest {

    @Test
    void whenSentInAnyAcceptedForm_thenStoredInOneForm() {
        for (String form : new String[] { "AA:BB:CC:DD:EE:0F", "aa-bb-cc-dd-ee-0f", "aabbccddee0f", "AABB.CCDD.EE0F",
                " aa:bb:cc:dd:ee:0f " }) {
            assertEquals("AA:BB:CC:DD:EE:0F", Mac.canonical(form), form);
        }
    }

    @Test
    void whenEightOctets_thenAcceptedAsEui64() {
        assertEquals("AA:BB:CC:DD:EE:FF:00:11", Mac.canonical("AA:BB:CC:DD:EE:FF:00:11"));
        assertEquals("AA:BB:CC:DD:EE:FF:00:11", Mac.canonical("aabbccddeeff0011"));
        assertEquals("AA:BB:CC:DD:EE:FF:00:11", Mac.canonical("aa-bb-cc-dd-ee-ff-00-11"));
    }

    @Test
    void whenMalformedMixedOrNoPhonesAddress_thenRefused() {
        for (String bad : new String[] { "", "AA:BB:CC:DD:EE", "AA:BB:CC:DD:EE:FF:00", "AA:BB-CC:DD:EE:FF",
                "GG:BB:CC:DD:EE:FF", "aabbccddeeff0", "00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "aa:bb:cc:dd:ee\n:ff",
                "AABBCCDDEEFF;" }) {
            assertNull(Mac.canonical(bad), bad);
        }
        assertNull(Mac.canonical(null));
    }

    @Test
    void whenWrittenInFileNames_thenHexInEitherCase() {
        assertEquals("aabbccddee0f", Mac.lowerHex("AA:BB:CC:DD:EE:0F"));
        assertEquals("AABBCCDDEE0F", Mac.upperHex("AA:BB:CC:DD:EE:0F"));
        assertEquals("AA:BB:CC:DD:EE:0F", Mac.fromHex("aabbccddee0f"));
        assertNull(Mac.fromHex("aa:bb:cc:dd:ee:0f"));
    }
}
