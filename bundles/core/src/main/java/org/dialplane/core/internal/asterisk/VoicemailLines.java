package org.dialplane.core.internal.asterisk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.core.asterisk.Mailbox;

/**
 * The text of a voicemail.conf, line by line with each line's own ending, so that whatever is not edited is
 * written back byte for byte. The text is the file's bytes read as ISO-8859-1 (one char per byte); mailbox
 * values are decoded from it (UTF-8 when valid, else Latin-1) and encoded into it as UTF-8.
 * <p>
 * Asterisk's syntax: {@code [context]} sections; {@code number => pin,full name,email,pager,opt=val|opt=val}
 * (also with {@code =}); {@code ;} starts a comment unless escaped as {@code \;}; {@code #include} and
 * {@code #exec} are directives. [general] and [zonemessages] hold settings, not mailboxes.
 */
final class VoicemailLines {
    private static final Set<String> SETTINGS_SECTIONS = Set.of("general", "zonemessages");
    private static final Pattern SECTION = Pattern.compile("\\s*\\[([^\\]]*)\\].*");
    private static final Pattern ENTRY = Pattern.compile("(\\s*)([^\\s=;\\[#][^\\s=;]*)\\s*=>?\\s*(.*?)\\s*");
    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");
    private static final Pattern CONTEXT = Pattern.compile("[0-9A-Za-z_.+-]{1,80}");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z_.+*-]{1,80}");
    private static final Pattern OPTION_KEY = Pattern.compile("[0-9A-Za-z_.-]{1,80}");

    /** One line: its text without the ending, and the ending ("" on a last line without one). */
    private record Line(String text, String end) {
    }

    /** A mailbox line at {@code index}, in its section. */
    private record Entry(int index, String section, String indent, String number, String value, String comment) {
    }

    private final List<Line> lines = new ArrayList<>();

    private VoicemailLines() {
    }

    static VoicemailLines parse(String text) {
        VoicemailLines parsed = new VoicemailLines();
        Matcher end = LINE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            parsed.lines.add(new Line(text.substring(start, end.start()), end.group()));
            start = end.end();
        }
        if (start < text.length()) {
            parsed.lines.add(new Line(text.substring(start), ""));
        }
        return parsed;
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.text()).append(line.end());
        }
        return text.toString();
    }

    List<Mailbox> mailboxes() {
        return entries().stream().map(VoicemailLines::mailbox).toList();
    }

    /**
     * Adds or replaces {@code mailbox} in its context (the first line of its number there, in place; any other
     * line of that number in the context goes); with {@code only}, also drops the number from the other contexts.
     */
    void put(Mailbox mailbox, boolean only) {
        String line = format(mailbox);
        List<Entry> entries = entries();
        Entry replaced = entries.stream()
                .filter(e -> e.section().equals(mailbox.context()) && e.number().equals(mailbox.number()))
                .findFirst().orElse(null);
        List<Integer> drop = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry != replaced && entry.number().equals(mailbox.number())
                    && (only || entry.section().equals(mailbox.context()))) {
                drop.add(entry.index());
            }
        }
        if (replaced != null) {
            Line old = lines.get(replaced.index());
            lines.set(replaced.index(), new Line(replaced.indent() + line + replaced.comment(), old.end()));
        }
        for (int i = drop.size() - 1; i >= 0; i--) {
            lines.remove((int) drop.get(i));
        }
        if (replaced == null) {
            insert(mailbox.context(), line);
        }
    }

    /** Removes the lines of {@code number}, in {@code context} or (null) in every context; whether there were. */
    boolean delete(String context, String number) {
        List<Entry> entries = entries();
        boolean removed = false;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.number().equals(number) && (context == null || entry.section().equals(context))) {
                lines.remove(entry.index());
                removed = true;
            }
        }
        return removed;
    }

    /** After the last mailbox of the context's first section, else at its end before blank lines, else a new one. */
    private void insert(String context, String line) {
        int header = -1;
        int end = lines.size();
        int lastMailbox = -1;
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String content = content(lines.get(i).text());
            Matcher matcher = SECTION.matcher(content);
            if (matcher.matches()) {
                if (header >= 0) {
                    end = i;
                    break;
                }
                section = matcher.group(1).trim();
                if (section.equals(context)) {
                    header = i;
                }
            } else if (header >= 0 && ENTRY.matcher(content).matches() && !content.trim().startsWith("#")) {
                lastMailbox = i;
            }
        }
        String ending = ending();
        if (header < 0) {
            terminateLastLine(ending);
            if (!lines.isEmpty()) {
                lines.add(new Line("", ending));
            }
            lines.add(new Line("[" + context + "]", ending));
            lines.add(new Line(line, ending));
            return;
        }
        int at = lastMailbox >= 0 ? lastMailbox + 1 : end;
        if (lastMailbox < 0) {
            while (at > header + 1 && lines.get(at - 1).text().isBlank()) {
                at--;
            }
        }
        if (at == lines.size()) {
            terminateLastLine(ending);
        }
        lines.add(at, new Line(line, ending));
    }

    /** A line appended after a last line without an ending would join it. */
    private void terminateLastLine(String ending) {
        int last = lines.size() - 1;
        if (last >= 0 && lines.get(last).end().isEmpty()) {
            lines.set(last, new Line(lines.get(last).text(), ending));
        }
    }

    /** The file's own line ending (its first), for the lines added to it. */
    private String ending() {
        return lines.stream().map(Line::end).filter(e -> !e.isEmpty()).findFirst().orElse("\n");
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            int comment = commentStart(text);
            String content = comment < 0 ? text : text.substring(0, comment);
            Matcher header = SECTION.matcher(content);
            if (header.matches()) {
                section = header.group(1).trim();
                continue;
            }
            if (section == null || SETTINGS_SECTIONS.contains(section.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Matcher entry = ENTRY.matcher(content);
            if (entry.matches()) {
                int trailing = comment < 0 ? text.length() : comment;
                while (trailing > 0 && Character.isWhitespace(text.charAt(trailing - 1))) {
                    trailing--;
                }
                entries.add(new Entry(i, section, entry.group(1), entry.group(2), entry.group(3),
                        comment < 0 ? "" : text.substring(trailing)));
            }
        }
        return entries;
    }

    private static Mailbox mailbox(Entry entry) {
        String[] fields = entry.value().split(",", 5);
        Map<String, String> options = new LinkedHashMap<>();
        if (fields.length == 5 && !fields[4].isBlank()) {
            for (String option : fields[4].split("\\|")) {
                int eq = option.indexOf('=');
                if (!option.isBlank()) {
                    options.put(decode(eq < 0 ? option.trim() : option.substring(0, eq).trim()),
                            eq < 0 ? "" : decode(option.substring(eq + 1).trim()));
                }
            }
        }
        return new Mailbox(decode(entry.section()), decode(entry.number()), field(fields, 0), field(fields, 1),
                field(fields, 2), field(fields, 3), options);
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? decode(fields[index]) : "";
    }

    /** {@code number => pin,name,email,pager[,options]}, or IllegalArgumentException for what would not parse back. */
    static String format(Mailbox mailbox) {
        check("context", mailbox.context(), CONTEXT);
        if (SETTINGS_SECTIONS.contains(mailbox.context().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("[" + mailbox.context() + "] holds settings, not mailboxes");
        }
        check("number", mailbox.number(), NUMBER);
        StringBuilder line = new StringBuilder(mailbox.number()).append(" => ")
                .append(text("pin", mailbox.pin())).append(',')
                .append(text("full name", mailbox.fullName())).append(',')
                .append(text("e-mail", mailbox.email())).append(',')
                .append(text("pager e-mail", mailbox.pager()));
        if (!mailbox.options().isEmpty()) {
            line.append(',');
            String separator = "";
            for (Map.Entry<String, String> option : mailbox.options().entrySet()) {
                check("option", option.getKey(), OPTION_KEY);
                String value = option.getValue() == null ? "" : option.getValue();
                if (value.indexOf('|') >= 0 || value.indexOf(';') >= 0 || hasControl(value)) {
                    throw new IllegalArgumentException("option " + option.getKey()
                            + " must not contain |, ; or control characters");
                }
                line.append(separator).append(option.getKey()).append('=').append(encode(value));
                separator = "|";
            }
        }
        return line.toString();
    }

    private static void check(String what, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("a mailbox " + what + " must match " + pattern + ": '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    private static String text(String what, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf(';') >= 0 || value.contains("=>") || hasControl(value)) {
            throw new IllegalArgumentException("a mailbox's " + what
                    + " must not contain a comma, ;, => or control characters");
        }
        return encode(value);
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> c < 32 || c == 127);
    }

    /** Where a comment starts: the first {@code ;} not escaped as {@code \;}; -1 for none. */
    private static int commentStart(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ';' && (i == 0 || text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return -1;
    }

    private static String content(String text) {
        int comment = commentStart(text);
        return comment < 0 ? text : text.substring(0, comment);
    }

    private static String encode(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String decode(String bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException latin1) {
            return bytes;
        }
    }
}
