package org.dialplane.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the reader of app_voicemail's {@code msgNNNN.txt} (any bytes a spool file may hold, up to the 16 KiB the
 * reader takes): the {@code [message]} values or null, and a caller id split into name and number; never an
 * exception. Seeds in {@code MessageTxtFuzzTestInputs/}.
 */
class MessageTxtFuzzTest {

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
            if (split[1] != null) {
                assertTrue(!split[1].isEmpty() && !split[1].contains(">"), split[1]);
            }
        }
    }
}
