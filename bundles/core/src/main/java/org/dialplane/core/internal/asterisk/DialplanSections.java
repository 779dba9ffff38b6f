package org.dialplane.core.internal.asterisk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of Dialplane's dialplan file as named sections, each between a begin and an end marker line (Asterisk
 * comments). Text outside the sections (an operator's note at the top) is kept as it is.
 */
final class DialplanSections {
    static final Pattern OWNER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final String BEGIN = ";; dialplane section begin: ";
    private static final String END = ";; dialplane section end: ";
    private static final String HEADER = "; Written by Dialplane: each section belongs to one bundle and is replaced"
            + " whole when it changes.\n; Include this file once, from extensions_custom.conf:"
            + " #include extensions_dialplane.conf\n";
    private static final Pattern SECTION = Pattern.compile("(?m)^" + Pattern.quote(BEGIN) + "(\\S+)\\n(.*?)^"
            + Pattern.quote(END) + "\\1\\n", Pattern.DOTALL);

    private DialplanSections() {
    }

    /** The file's text with the owner's section replaced (removed when {@code text} is empty). */
    static String replace(String file, String owner, String text) {
        check(owner, text);
        Map<String, String> sections = parse(file);
        String outside = SECTION.matcher(file).replaceAll("");
        if (text.isEmpty()) {
            sections.remove(owner);
        } else {
            sections.put(owner, text.endsWith("\n") ? text : text + "\n");
        }
        StringBuilder out = new StringBuilder(outside.isBlank() ? HEADER : outside);
        sections.forEach((name, body) -> out.append(BEGIN).append(name).append('\n').append(body)
                .append(END).append(name).append('\n'));
        return out.toString();
    }

    /** The sections of a file's text, in file order. */
    static Map<String, String> parse(String file) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(file);
        while (m.find()) {
            sections.put(m.group(1), m.group(2));
        }
        return sections;
    }

    private static void check(String owner, String text) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("Not a dialplan section name: " + owner);
        }
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("#")) {
                throw new IllegalArgumentException("Generated dialplan may not hold a # directive: " + line);
            }
            if (trimmed.startsWith(BEGIN.strip()) || trimmed.startsWith(END.strip())) {
                throw new IllegalArgumentException("Generated dialplan may not hold a section marker: " + line);
            }
            if (line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("Generated dialplan may not hold a carriage return");
            }
        }
    }
}
