package org.dialplane.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what phones make of request text: MAC addresses in any form (a body's {@code mac}, a provisioning file
 * name) and template substitution of values into provisioning files. A MAC is canonical or null, and its forms
 * convert back and forth; a template is parsed or refused with {@link IllegalArgumentException}; a value rendered
 * into a file adds no control character (no extra line) and, in XML, no markup. Seeds in
 * {@code ProvisioningTextFuzzTestInputs/<method>/}.
 */
class ProvisioningTextFuzzTest {
    private static final Pattern CANONICAL = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){5}((:[0-9A-F]{2}){2})?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @FuzzTest(maxDuration = "1m")
    void whenAnyMacText_thenCanonicalOrNullAndFormsRoundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String mac = Mac.canonical(text);
        if (mac == null) {
            return;
        }
        assertTrue(CANONICAL.matcher(mac).matches(), mac);
        assertEquals(mac, Mac.canonical(mac));
        assertEquals(mac, Mac.fromHex(Mac.lowerHex(mac)));
        assertEquals(mac, Mac.fromHex(Mac.upperHex(mac)));
    }

    /** The input is {@code template\u001Fvalue}: the template's text and the value of its variable {@code v}. */
    @FuzzTest(maxDuration = "1m")
    void whenAnyTemplateAndValue_thenRenderedWithoutControlCharactersOrMarkup(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\u001F", 2);
        String value = parts.length > 1 ? parts[1] : "";
        try {
            Template.parse(parts[0], Set.of("v")).render(Map.of("v", value), true);
        } catch (IllegalArgumentException undeclared) {
            assertTrue(undeclared.getMessage().startsWith("undeclared variables"), undeclared.getMessage());
        }
        Template framed = Template.parse("[{{v}}]", Set.of("v"));
        for (boolean xml : new boolean[] { false, true }) {
            String rendered = framed.render(Map.of("v", value), xml);
            String inside = rendered.substring(1, rendered.length() - 1);
            assertFalse(CONTROL.matcher(inside).find(), "a control character in " + inside);
            if (xml) {
                assertFalse(inside.matches("(?s).*[<>\"'].*"), inside);
                assertFalse(inside.replaceAll("&(amp|lt|gt|quot|apos);", "").contains("&"), inside);
            }
        }
    }
}
