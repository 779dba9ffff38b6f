package org.dialplane.customdestinations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes custom destination templates and the substitution of a destination's parameters into them: a template is
 * accepted or refused with a message; a value rendered into an accepted template gives lines that are each one
 * call of the template's own application, on one line, or is refused with {@link IllegalArgumentException}: no
 * value adds a dialplan line or changes the application. The input is {@code template lines\u001Fparam1\u001F
 * param2\u001Fparam3}; seeds in {@code DialplanTemplateFuzzTestInputs/}.
 */
class DialplanTemplateFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void whenAnyTemplateAndValues_thenOneCallPerLineOfTheSameApplicationOrRefused(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\u001F", 4);
        List<String> lines = DialplanTemplate.split(parts[0]);
        Set<String> declared = Set.copyOf(DialplanTemplate.PARAMETERS);
        if (DialplanTemplate.problem(lines, declared).isPresent()) {
            return;
        }
        Map<String, String> values = Map.of("param1", part(parts, 1), "param2", part(parts, 2),
                "param3", part(parts, 3));
        List<String> rendered;
        try {
            rendered = DialplanTemplate.render(lines, values);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().startsWith("Rendered dialplan refused"), refused.getMessage());
            return;
        }
        assertEquals(lines.size(), rendered.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = rendered.get(i);
            assertFalse(line.contains("\n") || line.contains("\r") || line.contains(";"), line);
            assertEquals(application(lines.get(i)), application(line), line);
            assertTrue(DialplanTemplate.problem(List.of(line), Set.of()).isEmpty(), line);
        }
    }

    private static String part(String[] parts, int index) {
        return parts.length > index ? parts[index] : "";
    }

    private static String application(String line) {
        return line.substring(0, line.indexOf('('));
    }
}
