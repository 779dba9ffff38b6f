package org.dialplane.core.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AmiActionTest {

    @Test
    void whenValueHasCrOrLf_thenTheyAreStripped() {
        AmiAction action = AmiAction.of("Originate").with("Channel", "SIP/100\r\nAction: Hangup\n\r");
        assertEquals("SIP/100Action: Hangup", action.fields().get(0).getValue());
    }

    @Test
    void whenVariableHasCrOrLf_thenTheyAreStripped() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("A\r\n", "1\n");
        variables.put("B", "2\r");
        AmiAction action = AmiAction.of("Originate").withVariables(variables);
        assertEquals("A=1,B=2", action.fields().get(0).getValue());
    }

    @Test
    void whenNameCarriesLinesOrSeparators_thenTheyCannotBeSmuggled() {
        assertEquals("Channel", AmiAction.of("X").with("\r\nChannel", "a").fields().get(0).getKey());
        assertThrows(IllegalArgumentException.class, () -> AmiAction.of("X").with("Channel: x", "a"));
        assertThrows(IllegalArgumentException.class, () -> AmiAction.of("\r\n"));
    }

    @Test
    void whenValueIsNull_thenTheFieldIsSkipped() {
        assertEquals(0, AmiAction.of("Ping").with("Reason", null).fields().size());
    }
}
