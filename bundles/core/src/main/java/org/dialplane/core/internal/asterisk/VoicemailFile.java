package org.dialplane.core.internal.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and rewrites one voicemail.conf. A change is read, edit, write a temporary file in the same directory
 * (same permissions and, where allowed, owner as the file it replaces, so Asterisk can still read it), flush it
 * to disk and rename it over the file: a reader sees the old file or the new one, never half of one, and a
 * failure leaves the old one. Changes are serialised by a lock per file in this process and, against other
 * Dialplane processes, by an OS lock on {@code .voicemail.conf.dialplane.lock} beside it. IssabelPBX's own
 * writes take no lock; a change made by it between our read and rename would be lost, as between two of its
 * own writes.
 */
final class VoicemailFile {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailFile.class);
    /** One lock per file for the whole process: every component instance edits through these. */
    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** A step just before the rename; tests make it fail. */
    interface BeforeRename {
        void run(Path temporary) throws IOException;
    }

    private final Path file;
    private final BeforeRename beforeRename;

    VoicemailFile(Path file) {
        this(file, temporary -> { });
    }

    VoicemailFile(Path file, BeforeRename beforeRename) {
        this.file = file.toAbsolutePath().normalize();
        this.beforeRename = beforeRename;
    }

    /** Whether the directory is there: without it there is no Asterisk configuration to edit. */
    boolean available() {
        return Files.isDirectory(file.getParent());
    }

    VoicemailLines read() {
        try {
            return VoicemailLines.parse(Files.exists(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /**
     * Applies {@code edit} to the file's lines and writes them when it answers true. Without the directory
     * nothing happens and the answer is false.
     */
    boolean edit(Function<VoicemailLines, Boolean> edit) {
        if (!available()) {
            LOG.debug("No Asterisk configuration directory at {}; voicemail.conf not changed", file.getParent());
            return false;
        }
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try (FileChannel lockFile = FileChannel.open(file.resolveSibling("." + file.getFileName() + ".dialplane.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock processes = lockFile.lock()) {
            VoicemailLines lines = read();
            boolean changed = edit.apply(lines);
            if (changed) {
                write(lines.text());
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not change " + file, e);
        } finally {
            lock.unlock();
        }
    }

    private void write(String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".dialplane.tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            copyAttributes(temporary);
            beforeRename.run(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The replaced file's mode, owner and group: Asterisk may run as another user than Dialplane. */
    private void copyAttributes(Path temporary) {
        PosixFileAttributeView target = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (target == null || !Files.exists(file)) {
            return;
        }
        try {
            PosixFileAttributes original = Files.readAttributes(file, PosixFileAttributes.class);
            target.setPermissions(original.permissions());
            try {
                target.setGroup(original.group());
                target.setOwner(original.owner());
            } catch (IOException notPermitted) {
                // Only root may give a file away; running as the file's owner (asterisk) it is ours anyway.
                LOG.debug("Could not keep the owner of {}: {}", file, notPermitted.toString());
            }
        } catch (IOException e) {
            LOG.debug("Could not copy the attributes of {}: {}", file, e.toString());
        }
    }
}
