package org.dialplane.core.internal.asterisk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/** One voicemail.conf, read and changed as {@link VoicemailLines} through a {@link LockedTextFile}. */
final class VoicemailFile {
    private final LockedTextFile file;

    VoicemailFile(Path file) {
        this(file, temporary -> { });
    }

    VoicemailFile(Path file, LockedTextFile.BeforeRename beforeRename) {
        // Latin-1: every byte maps to one char and back, so whatever encoding IssabelPBX wrote survives an edit.
        this.file = new LockedTextFile(file, StandardCharsets.ISO_8859_1, beforeRename);
    }

    boolean available() {
        return file.available();
    }

    VoicemailLines read() {
        return VoicemailLines.parse(file.read());
    }

    /** Applies {@code edit} to the file's lines and writes them when it answers true. */
    boolean edit(Function<VoicemailLines, Boolean> edit) {
        return file.edit(text -> {
            VoicemailLines lines = VoicemailLines.parse(text);
            return edit.apply(lines) ? lines.text() : text;
        });
    }
}
