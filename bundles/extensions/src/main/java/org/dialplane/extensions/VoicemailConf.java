package org.dialplane.extensions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailboxes in Asterisk's {@code voicemail.conf}, where IssabelPBX keeps them: one line per mailbox in the
 * {@code [default]} context, {@code 1005 => 1005,Daniel,,,attach=no|saycid=no|envelope=no|delete=no} (the PIN
 * starts as the extension number, as the Issabel GUI suggests). Without an Asterisk configuration directory
 * (no PBX on this machine) nothing is written; the database still says which extensions have voicemail.
 */
final class VoicemailConf {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailConf.class);
    private static final String CONTEXT = "default";

    private final Path file;

    VoicemailConf(Path asteriskEtc) {
        this.file = asteriskEtc.resolve("voicemail.conf");
    }

    /** Adds or rewrites the extension's mailbox. {@code extension} is validated digits, {@code name} has no newline. */
    synchronized void enable(String extension, String name) {
        edit(extension, lines -> {
            String mailbox = extension + " => " + extension + "," + name.replace(",", " ") + ",,,"
                    + "attach=no|saycid=no|envelope=no|delete=no";
            int section = indexOfSection(lines);
            if (section < 0) {
                lines.add("");
                lines.add("[" + CONTEXT + "]");
                lines.add(mailbox);
                return;
            }
            int end = section + 1;
            while (end < lines.size() && !lines.get(end).trim().startsWith("[")) {
                end++;
            }
            while (end > section + 1 && lines.get(end - 1).isBlank()) {
                end--;
            }
            lines.add(end, mailbox);
        });
    }

    /** Removes the extension's mailbox, from whatever context it is in. */
    synchronized void disable(String extension) {
        edit(extension, lines -> { });
    }

    private interface Edit {
        void apply(List<String> lines);
    }

    /** Reads the file, drops the extension's existing line, applies the edit, writes it back atomically. */
    private void edit(String extension, Edit edit) {
        if (!Files.isDirectory(file.getParent())) {
            LOG.debug("No Asterisk configuration directory at {}; voicemail.conf not changed", file.getParent());
            return;
        }
        Pattern own = Pattern.compile("^\\s*" + Pattern.quote(extension) + "\\s*=>.*");
        try {
            List<String> lines = new ArrayList<>(Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of());
            lines.removeIf(line -> own.matcher(line).matches());
            edit.apply(lines);
            Path temporary = file.resolveSibling(file.getFileName() + ".dialplane.tmp");
            Files.write(temporary, lines, StandardCharsets.ISO_8859_1);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Could not update the mailbox of {} in {}: {}", extension, file, e.toString());
        }
    }

    private static int indexOfSection(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("[" + CONTEXT + "]")) {
                return i;
            }
        }
        return -1;
    }
}
