package org.dialplane.voicemail;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock app_voicemail takes on a folder before it numbers, renames or deletes messages in it (file storage,
 * Asterisk's default {@code lockmode=lockfile}), taken exactly as Asterisk's main/app.c
 * {@code ast_lock_path_lockfile} takes it, so Asterisk and Dialplane exclude each other:
 * <ol>
 * <li>create {@code <folder>/.lock-XXXXXXXX} (8 random hex digits) with {@code O_CREAT|O_EXCL};</li>
 * <li>hard-link it to {@code <folder>/.lock} ({@code link()}), retrying while {@code .lock} exists, for at most
 * 5 seconds;</li>
 * <li>remove {@code .lock-XXXXXXXX} whether or not the link was made;</li>
 * <li>unlock ({@code ast_unlock_path_lockfile}): remove {@code .lock}.</li>
 * </ol>
 * The link is atomic on every local file system, which is why Asterisk uses it. A lock left by a process that
 * died is not broken: Asterisk does not break it either, and fails after its 5 seconds as this does (a 503 here).
 * Asterisk's {@code lockmode=flock} is not imitated: Java's file locks are {@code fcntl} locks, which do not
 * exclude {@code flock()}.
 */
final class FolderLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderLock.class);
    static final String LOCK = ".lock";
    private static final long SPIN_NANOS = Duration.ofMillis(20).toNanos();

    private final Path folder;

    private FolderLock(Path folder) {
        this.folder = folder;
    }

    /**
     * Takes the folder's lock, waiting at most {@code wait}.
     *
     * @return the lock, or null when another process held it for all of {@code wait}
     * @throws IOException when the folder is not there or not writable ({@code AST_LOCK_PATH_NOT_FOUND})
     */
    static FolderLock tryLock(Path folder, Duration wait) throws IOException {
        Path unique = folder.resolve(String.format("%s-%08x", LOCK, ThreadLocalRandom.current().nextInt()));
        Files.createFile(unique);
        try {
            long started = System.nanoTime();
            long deadline = started + wait.toNanos();
            while (true) {
                try {
                    Files.createLink(folder.resolve(LOCK), unique);
                    return new FolderLock(folder);
                } catch (FileAlreadyExistsException e) {
                    long now = System.nanoTime();
                    if (now - deadline > 0) {
                        return null;
                    }
                    pause(now - started);
                }
            }
        } finally {
            Files.deleteIfExists(unique);
        }
    }

    /**
     * Between attempts: yield at first, as Asterisk spins with {@code sched_yield()} (its locks are held for
     * milliseconds, and sleeping would lose every race to it); after 20 ms, sleep a millisecond, so that a lock
     * left by a dead process costs a waiting request its time but not a core.
     */
    private static void pause(long waitedNanos) {
        if (waitedNanos < SPIN_NANOS) {
            Thread.yield();
            return;
        }
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            Files.delete(folder.resolve(LOCK));
        } catch (NoSuchFileException e) {
            LOG.error("The voicemail folder lock {} was removed by someone else while held", folder.resolve(LOCK));
        } catch (IOException e) {
            LOG.error("Could not unlock the voicemail folder {}: {}", folder, e.toString());
        }
    }
}
