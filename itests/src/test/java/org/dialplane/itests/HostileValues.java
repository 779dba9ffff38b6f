package org.dialplane.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of hostile values: each once as it goes into a URL (path segment or query parameter, already on
 * the wire: percent-encoded, or deliberately not) and once as a JSON value (bytes, which may be invalid JSON or
 * invalid UTF-8 on purpose). {@link #bodies} adds what only a whole body can be: deep nesting, not an object,
 * broken JSON. Missing values are the driver's (a field left out, a parameter not sent).
 */
final class HostileValues {
    /** One value; {@code url} null when it has no URL form, {@code json} null when it has no JSON form. */
    record Hostile(String name, String url, byte[] json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final int MEGABYTE = 1_000_000;

    private HostileValues() {
    }

    /** Values for a parameter or a body field. */
    static List<Hostile> values() {
        List<Hostile> values = new ArrayList<>();
        // SQL injection, in the forms that break a concatenated statement or delay it.
        text(values, "sql-quote", "' OR '1'='1");
        text(values, "sql-union", "1 UNION SELECT user,password FROM mysql.user-- ");
        text(values, "sql-sleep", "1' AND SLEEP(3)-- ");
        text(values, "sql-stacked", "1;DROP TABLE users;--");
        text(values, "sql-comment", "1/**/OR/**/1=1#");
        text(values, "sql-wildcards", "%_%\\'\\\"\\\\");
        text(values, "sql-order", "extension DESC, (SELECT 1 FROM dual)");
        // Paths: plain, encoded once (decoded by the server), encoded twice, backslashes, absolute, overlong UTF-8.
        text(values, "dotdot", "../../../../../../etc/passwd");
        values.add(new Hostile("dotdot-raw", "../../../../etc/passwd", null));
        values.add(new Hostile("dotdot-encoded", "..%2F..%2F..%2F..%2Fetc%2Fpasswd", json("..%2F..%2Fetc%2Fpasswd")));
        values.add(new Hostile("dotdot-double", "..%252F..%252F..%252Fetc%252Fpasswd", json("..%252F..%252Fetc")));
        values.add(new Hostile("dotdot-overlong", "%C0%AE%C0%AE%2F%C0%AE%C0%AE%2Fetc", null));
        text(values, "dotdot-backslash", "..\\..\\..\\windows\\win.ini");
        text(values, "absolute", "/etc/passwd");
        text(values, "dot", ".");
        text(values, "file-url", "file:///etc/passwd");
        // Control characters: header/AMI injection and NUL.
        text(values, "crlf-ami", "1\r\nAction: Originate\r\nChannel: Local/666@default\r\n\r\n");
        text(values, "crlf-header", "x\r\nSet-Cookie: injected=1");
        text(values, "nul", "100\u0000200");
        text(values, "controls", "\u0001\u0007\u001b[31m\u007f");
        // Sizes.
        text(values, "empty", "");
        text(values, "blank", "   ");
        text(values, "long-300", "9".repeat(300));
        text(values, "long-64k", "a".repeat(65_536));
        text(values, "long-1m", "x".repeat(MEGABYTE));
        // Numbers.
        text(values, "huge-int", "99999999999999999999999999999999");
        text(values, "int-overflow", "2147483648");
        text(values, "negative", "-1");
        text(values, "float", "1e308");
        text(values, "nan", "NaN");
        rawJson(values, "json-huge-number", "123456789012345678901234567890123456789");
        rawJson(values, "json-float", "1.7976931348623157E309");
        rawJson(values, "json-negative", "-9223372036854775809");
        // Wrong JSON types.
        rawJson(values, "json-true", "true");
        rawJson(values, "json-null", "null");
        rawJson(values, "json-array", "[\"1\",{\"a\":[]},null]");
        rawJson(values, "json-object", "{\"id\":\"1\",\"$ne\":null}");
        rawJson(values, "json-int", "42");
        rawJson(values, "json-deep-1000", "[".repeat(1000) + "]".repeat(1000));
        // Text that other interpreters would act on.
        text(values, "format", "%s%s%s%n%x");
        text(values, "jndi", "${jndi:ldap://127.0.0.1:1/a}");
        text(values, "template", "{{7*7}}${7*7}<%= 7*7 %>");
        text(values, "html", "<script>alert(1)</script>");
        text(values, "unicode", "\u540d\u524d\ud83d\ude00\u202e\ufeff");
        text(values, "comma-list", ",,1,,2,,");
        text(values, "wildcard", "*");
        // Invalid UTF-8: a bad continuation, a lone surrogate encoded, bytes that are never UTF-8.
        values.add(new Hostile("utf8-bad", "%C3%28", utf8Bytes(new byte[] {(byte) 0xC3, 0x28})));
        values.add(new Hostile("utf8-surrogate", "%ED%A0%80", utf8Bytes(new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80})));
        values.add(new Hostile("utf8-ff", "%FF%FE%FD", utf8Bytes(new byte[] {(byte) 0xFF, (byte) 0xFE})));
        return values;
    }

    /** Whole bodies that no field replacement makes. */
    static List<Hostile> bodies() {
        List<Hostile> bodies = new ArrayList<>();
        bodies.add(new Hostile("body-empty", null, new byte[0]));
        bodies.add(new Hostile("body-null", null, ascii("null")));
        bodies.add(new Hostile("body-array", null, ascii("[{}]")));
        bodies.add(new Hostile("body-string", null, ascii("\"x\"")));
        bodies.add(new Hostile("body-broken", null, ascii("{\"a\":")));
        bodies.add(new Hostile("body-trailing", null, ascii("{} {}")));
        bodies.add(new Hostile("body-deep-10k", null, ascii("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
        bodies.add(new Hostile("body-deep-array", null, ascii("[".repeat(100_000) + "]".repeat(100_000))));
        bodies.add(new Hostile("body-over-limit", null, ascii("{\"a\":\"" + "x".repeat(2 * MEGABYTE) + "\"}")));
        bodies.add(new Hostile("body-many-keys", null, manyKeys(50_000)));
        bodies.add(new Hostile("body-bom", null, bomBody()));
        bodies.add(new Hostile("body-utf8-bad", null, utf8Bytes(new byte[] {(byte) 0xC0, (byte) 0xAF})));
        return bodies;
    }

    private static void text(List<Hostile> values, String name, String text) {
        values.add(new Hostile(name, OpenApiOperations.encode(text), json(text)));
    }

    private static void rawJson(List<Hostile> values, String name, String json) {
        values.add(new Hostile(name, null, ascii(json)));
    }

    /** A JSON string holding {@code text}, escaped as JSON requires (control characters as \\u escapes). */
    static byte[] json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string whose content is {@code bytes} as they are: invalid UTF-8 inside an otherwise valid string. */
    private static byte[] utf8Bytes(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        out.writeBytes(bytes);
        out.write('"');
        return out.toByteArray();
    }

    private static byte[] manyKeys(int count) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        return ascii(body.append('}').toString());
    }

    private static byte[] bomBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(ascii("{}"));
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
