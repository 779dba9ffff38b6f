package org.dialplane.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the reader of app_voicemail's {@code msgNNNN.txt} (any bytes a spool file may hold, up to the 16 KiB the
 * reader takes): the {@code [message]} values or null, and a caller id split into name and number; never an
 * exception. Seeds in {@code MessageTxtFuzzTestInputs/}.
 */
class MessageTxtFuzzTest {
    /** What {@code MessageTxt.callerId} matched with until it backtracked for seconds on a long caller id. */
    private static final Pattern NAME_AND_NUMBER = Pattern.compile("\\s*\"?(.*?)\"?\\s*<([^>]*)>\\s*");

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    @FuzzTest(maxDuration = "1m")
    void whenAnyTxtContent_thenValuesOrNullAndCallerIdSplit(byte[] input) {
        if (input.length > MessageTxt.MAX_BYTES) {
            return; // longer files are not read at all
        }
        String text = new String(input, StandardCharsets.UTF_8);
        Map<String, String> values = MessageTxt.parse(text);
        if (values != null) {
            values.forEach((key, value) -> {
                assertFalse(key.isEmpty() || key.contains("\n") || key.contains("\r"), key);
                assertFalse(value.contains("\n") || value.contains("\r"), value);
            });
        }
        for (String callerid : new String[] { text, values == null ? null : values.get("callerid") }) {
            String[] split = MessageTxt.callerId(callerid);
            assertEquals(2, split.length);
            if (callerid != null && callerid.length() <= 200) { // the pattern it replaces, as the oracle
                Matcher both = NAME_AND_NUMBER.matcher(callerid);
                if (both.matches() && !callerid.isBlank() && !callerid.equalsIgnoreCase("Unknown")) {
                    assertEquals(emptyToNull(both.group(1).strip()), split[0], callerid);
                    assertEquals(emptyToNull(both.group(2).strip()), split[1], callerid);
                }
            }
            if (split[1] != null) {
                assertTrue(!split[1].isEmpty() && !split[1].contains(">"), split[1]);
            }
        }
    }
}
