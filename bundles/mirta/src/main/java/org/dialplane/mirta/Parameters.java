package org.dialplane.mirta;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a proxyapi request, from its query string and, for a POST, its form body, decoded as PHP
 * decodes them, because MiRTA is PHP and its clients were written against it: {@code +} is a space, a {@code %}
 * not followed by two hex digits stays as it is (the seed's {@code tenant=%}, which a strict decoder refuses), a
 * name's trailing {@code []} is dropped ({@code var[]=a&var[]=b}), and a single-valued parameter is the last value
 * sent, the body's over the query's (PHP's {@code $_REQUEST}). Names are case-sensitive, as in PHP.
 */
final class Parameters {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Parameters() {
    }

    /** The parameters of a query string and a form body, either of which may be null. */
    static Parameters of(String query, String form) {
        Parameters parameters = new Parameters();
        parameters.add(query);
        parameters.add(form);
        return parameters;
    }

    /** The names sent, in the order first sent. */
    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    /** The last value sent, or null; an empty value counts as not sent. */
    String get(String name) {
        List<String> sent = values.get(name);
        if (sent == null || sent.isEmpty()) {
            return null;
        }
        String last = sent.get(sent.size() - 1);
        return last.isEmpty() ? null : last;
    }

    /** Every value sent, in order (for the repeatable {@code var}). */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return get(name) != null;
    }

    private void add(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
            }
            if (!name.isEmpty()) {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
    }

    /** PHP's urldecode: {@code +} is a space, {@code %XX} a byte, any other {@code %} itself; bytes are UTF-8. */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    raw = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(raw);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
