package org.dialplane.phones;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provisioning template: text with {@code {{name}}} where a value goes. Substitution is strict: only declared
 * variables may be named (checked once, when the model is registered), a value is inserted as text and never
 * read again, and nothing else in the template means anything: no expressions, loops or includes, so a value
 * can never become template syntax.
 */
final class Template {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /** A piece of the template: literal text, or a variable's name. */
    private record Part(String text, boolean variable) {
    }

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * The template, checked against the variables it may name.
     *
     * @throws IllegalArgumentException naming the undeclared variables it uses
     */
    static Template parse(String text, Set<String> declared) {
        List<Part> parts = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Part(text.substring(at, matcher.start()), false));
            }
            String name = matcher.group(1);
            if (!declared.contains(name)) {
                unknown.add(name);
            }
            parts.add(new Part(name, true));
            at = matcher.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("undeclared variables " + unknown);
        }
        return new Template(List.copyOf(parts));
    }

    /**
     * The text with every variable replaced by its value, stripped of control characters (a newline in a value
     * would be another line of the file) and XML-escaped when {@code xml}.
     */
    String render(Map<String, String> values, boolean xml) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (!part.variable()) {
                out.append(part.text());
                continue;
            }
            String value = values.getOrDefault(part.text(), "");
            String clean = value.replaceAll("\\p{Cntrl}", "");
            out.append(xml ? escapeXml(clean) : clean);
        }
        return out.toString();
    }

    static String escapeXml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
