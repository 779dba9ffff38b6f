package org.dialplane.voicemail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.voicemail.api.VoicemailMessage;

/**
 * Reads app_voicemail's {@code msgNNNN.txt}: Asterisk's config format with one {@code [message]} section of
 * {@code key=value} lines ({@code msg_id}, {@code callerid}, {@code origtime}, {@code duration}, {@code flag},
 * {@code category}, {@code origmailbox}, ...) and {@code ;} comments. A txt that is not that (cut short, binary,
 * too long) is still a message, as app_voicemail counts it: it is listed with what could be read,
 * {@code readable: false} and the id {@code <folder>-<number>}.
 */
final class MessageTxt {
    /** A message txt is a few hundred bytes; more is not one. */
    static final int MAX_BYTES = 16 * 1024;
    /** What an id may look like: Asterisk's {@code <time>-<counter>} or the fallback {@code <folder>-<NNNN>}. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]+");

    private MessageTxt() {
    }

    /** The message in this folder's place {@code files}. */
    static VoicemailMessage read(String folder, VoicemailSpool.MessageFiles files) {
        Map<String, String> values = null;
        try (InputStream in = Files.newInputStream(files.txt())) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length <= MAX_BYTES) {
                values = parse(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            values = null; // gone meanwhile (renumbered or deleted): shown as unreadable rather than failing a list
        }
        boolean readable = values != null;
        Map<String, String> v = readable ? values : Map.of();
        String msgId = v.get("msg_id");
        String id = msgId != null && ID.matcher(msgId).matches() ? msgId : fallbackId(folder, files.number());
        String[] caller = callerId(v.get("callerid"));
        return new VoicemailMessage(id, folder, files.number(), caller[0], caller[1], time(v.get("origtime")),
                whole(v.get("duration")), v.getOrDefault("flag", ""), emptyToNull(v.get("category")),
                emptyToNull(v.get("origmailbox")), List.copyOf(files.audio().keySet()), readable);
    }

    /** The id of a message without a usable {@code msg_id}: its place, {@code INBOX-0003}. */
    static String fallbackId(String folder, int number) {
        return folder + "-" + String.format("%04d", number);
    }

    /** The {@code [message]} section's values; null when the text has no such section or holds binary. */
    static Map<String, String> parse(String text) {
        Map<String, String> values = new HashMap<>();
        boolean inMessage = false;
        boolean sawMessage = false;
        for (String line : text.split("\r?\n|\r")) {
            if (line.indexOf('\0') >= 0) {
                return null;
            }
            String content = stripComment(line).strip();
            if (content.isEmpty()) {
                continue;
            }
            if (content.startsWith("[")) {
                inMessage = content.equals("[message]");
                sawMessage |= inMessage;
                continue;
            }
            int equals = content.indexOf('=');
            if (inMessage && equals > 0) {
                String key = content.substring(0, equals).strip();
                String value = content.substring(equals + 1).strip();
                if (value.startsWith(">")) {
                    value = value.substring(1).strip(); // the "key => value" form Asterisk also reads
                }
                values.putIfAbsent(key, value);
            }
        }
        return sawMessage ? values : null;
    }

    /** Name and number of {@code "Alice" <5551000>}, {@code 5551000}, {@code Alice} or {@code Unknown}. */
    static String[] callerId(String callerid) {
        if (callerid == null || callerid.isBlank() || callerid.equalsIgnoreCase("Unknown")) {
            return new String[] {null, null};
        }
        String text = callerid.strip();
        String[] both = nameAndNumber(text);
        if (both != null) {
            return both;
        }
        return NUMBER.matcher(text).matches() ? new String[] {null, text} : new String[] {text, null};
    }

    /**
     * {@code "Name" <number>} split by hand, as the pattern {@code \s*"?(.*?)"?\s*<([^>]*)>\s*} would (the number is
     * what follows the first {@code <} after any other {@code >}), in linear time: that pattern backtracks, and
     * took seconds on a 12 KB caller id of spaces and quotes (found by MessageTxtFuzzTest). Null when no match.
     */
    private static String[] nameAndNumber(String text) {
        if (!text.endsWith(">")) {
            return null;
        }
        int open = text.indexOf('<', text.lastIndexOf('>', text.length() - 2) + 1);
        if (open < 0) {
            return null;
        }
        String name = text.substring(0, open).stripTrailing();
        if (name.endsWith("\"")) {
            name = name.substring(0, name.length() - 1);
        }
        name = name.stripLeading();
        if (name.startsWith("\"")) {
            name = name.substring(1);
        }
        String number = text.substring(open + 1, text.length() - 1);
        return new String[] {emptyToNull(name.strip()), emptyToNull(number.strip())};
    }

    /** {@code ;} starts a comment, except when escaped as {@code \;} (Asterisk's config reader). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i).replace("\\;", ";");
            }
        }
        return line.replace("\\;", ";");
    }

    private static String time(String origtime) {
        try {
            return origtime == null ? null : Instant.ofEpochSecond(Long.parseLong(origtime)).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
