package org.dialplane.core.internal.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
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
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and rewrites one of Asterisk's configuration files (voicemail.conf, Dialplane's dialplan). A change is read, edit, write a temporary file in the same directory
 * (same permissions and, where allowed, owner as the file it replaces, so Asterisk can still read it), flush it
 * to disk and rename it over the file: a reader sees the old file or the new one, never half of one, and a
 * failure leaves the old one. Changes are serialised by a lock per file in this process and, against other
 * Dialplane processes, by an OS lock on {@code .<name>.dialplane.lock} beside it. IssabelPBX's own
 * writes take no lock; a change made by it between our read and rename would be lost, as between two of its
 * own writes.
 */
final class LockedTextFile {
    private static final Logger LOG = LoggerFactory.getLogger(LockedTextFile.class);
    /** One lock per file for the whole process: every component instance edits through these. */
    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** A step just before the rename; tests make it fail. */
    interface BeforeRename {
        void run(Path temporary) throws IOException;
    }

    private final Path file;
    private final Charset charset;
    private final BeforeRename beforeRename;

    LockedTextFile(Path file, Charset charset, BeforeRename beforeRename) {
        this.file = file.toAbsolutePath().normalize();
        this.charset = charset;
        this.beforeRename = beforeRename;
    }

    Path path() {
        return file;
    }

    /** Whether the directory is there: without it there is no Asterisk configuration to edit. */
    boolean available() {
        return Files.isDirectory(file.getParent());
    }

    /** The file's text; empty when there is no file yet. */
    String read() {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), charset) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /**
     * Replaces the file's text with what {@code edit} makes of it, when that differs; answers whether it did.
     * Without the directory nothing happens and the answer is false.
     */
    boolean edit(UnaryOperator<String> edit) {
        if (!available()) {
            LOG.debug("No Asterisk configuration directory at {}; {} not changed", file.getParent(), file.getFileName());
            return false;
        }
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try (FileChannel lockFile = FileChannel.open(file.resolveSibling("." + file.getFileName() + ".dialplane.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock processes = lockFile.lock()) {
            String before = read();
            String after = edit.apply(before);
            boolean changed = !after.equals(before);
            if (changed) {
                write(after);
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
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(charset));
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
