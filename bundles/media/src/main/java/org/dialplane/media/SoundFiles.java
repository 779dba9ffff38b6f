package org.dialplane.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio files of media under Asterisk's sounds folder, and the only code that touches them. A media file's
 * {@code sound} is its {@code recordings.filename}, the name Asterisk plays it by: {@code custom/<tenant>/media-<id>}
 * for Dialplane's uploads, so tenants' files stay apart, or what IssabelPBX wrote ({@code custom/welcome}). Only
 * names under {@code custom/} made of plain segments are used, and only files whose real path is inside the sounds
 * folder: a name from the database never leads elsewhere.
 */
final class SoundFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SoundFiles.class);
    static final Pattern SOUND = Pattern.compile("custom(/[A-Za-z0-9][A-Za-z0-9_.-]{0,79}){1,3}");
    /** The formats Asterisk finds a sound in: Dialplane writes {@code wav}; any other is IssabelPBX's or a user's. */
    static final List<String> FORMATS = List.of("wav", "WAV", "gsm", "ulaw", "alaw", "sln", "g722", "wav16",
            "sln16", "g729");
    private static final String TEMPORARY_PREFIX = ".dp-upload-";

    private final Supplier<Path> sounds;

    /** @param sounds the sounds folder, asked again for every operation (it may change while running) */
    SoundFiles(Supplier<Path> sounds) {
        this.sounds = sounds;
    }

    /** The sound of a new upload: {@code custom/<tenant code>/media-<id>}. */
    static String soundOf(String tenantCode, String id) {
        return "custom/" + tenantCode + "/media-" + id;
    }

    /** Whether a sound name is one whose files this class may touch. */
    static boolean usable(String sound) {
        return sound != null && SOUND.matcher(sound).matches()
                && List.of(sound.split("/")).stream().noneMatch(s -> s.startsWith("."));
    }

    /** The file Asterisk would play for the sound, Dialplane's {@code .wav} first; empty when there is none. */
    Optional<Path> find(String sound) {
        if (!usable(sound)) {
            return Optional.empty();
        }
        Path root = sounds.get();
        for (String format : FORMATS) {
            Path file = root.resolve(sound + "." + format);
            if (Files.isRegularFile(file) && inside(root, file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** A new empty file, readable by Asterisk, in the folder of {@code sound}, to convert an upload into. */
    Path temporary(String sound) throws IOException {
        Path folder = folder(sound);
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, TEMPORARY_PREFIX, ".tmp");
        try {
            // createTempFile makes it rw-------; Asterisk runs as another user and must read the moved file.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return file;
    }

    /**
     * Moves a converted file into place as the sound's {@code .wav}, replacing the old one at once, then removes
     * the sound's files in other formats, which Asterisk might otherwise prefer to the new audio.
     */
    void install(Path converted, String sound) throws IOException {
        Path target = sounds.get().resolve(sound + ".wav");
        if (!converted.getParent().equals(target.getParent())) {
            throw new IllegalArgumentException(converted + " is not in the folder of " + sound);
        }
        try {
            Files.move(converted, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The sounds folder cannot replace files atomically: " + target.getParent(), e);
        }
        for (String format : FORMATS) {
            if (!format.equals("wav")) {
                deleteQuietly(sounds.get().resolve(sound + "." + format));
            }
        }
    }

    /** Deletes every file of the sound; a file that cannot be deleted is logged. */
    void delete(String sound) {
        if (!usable(sound)) {
            return;
        }
        for (String format : FORMATS) {
            deleteQuietly(sounds.get().resolve(sound + "." + format));
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.toString());
        }
    }

    private Path folder(String sound) {
        if (!usable(sound)) {
            throw new IllegalArgumentException("Not a sound Dialplane writes: " + sound);
        }
        return sounds.get().resolve(sound).getParent();
    }

    private static boolean inside(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false; // gone meanwhile, or unreadable: not a file to serve
        }
    }
}
