package org.dialplane.core.ami;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the AMI sanitiser: whatever text reaches {@link AmiAction} as a field name, value or channel variable, no
 * CR or LF reaches the AMI stream, so no request can add lines or actions. A bad name is an
 * {@link IllegalArgumentException} (the caller checked it first); nothing else is thrown. Seeds in
 * {@code AmiActionFuzzTestInputs/<method>/} are {@code name\nvalue\nvariable=value} texts.
 */
class AmiActionFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void whenAnyFieldOrVariableText_thenNoLineBreakReachesAmi(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] parts = text.split("\n", 3);
        String name = parts[0];
        String value = parts.length > 1 ? parts[1] : "";
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(parts.length > 2 ? parts[2] : "v", value);
        AmiAction action = AmiAction.of("Originate").with("Channel", value).withVariables(variables);
        try {
            action.with(name, value);
        } catch (IllegalArgumentException badName) {
            assertTrue(name.isBlank() || AmiAction.strip(name).strip().isEmpty()
                    || AmiAction.strip(name).contains(":") || AmiAction.strip(name).isBlank(), badName.getMessage());
        }
        for (Map.Entry<String, String> field : action.fields()) {
            assertFalse(field.getKey().contains("\r") || field.getKey().contains("\n"), field.getKey());
            assertFalse(field.getValue().contains("\r") || field.getValue().contains("\n"), field.getValue());
        }
        assertFalse(AmiAction.strip(text).contains("\n") || AmiAction.strip(text).contains("\r"));
    }
}
