package org.dialplane.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.dialplane.core.rest.ApiException;
import org.dialplane.voicemail.VoicemailSpool.Folder;
import org.dialplane.voicemail.VoicemailSpool.MessageFiles;

/**
 * Moves and deletes messages the way app_voicemail leaves its folders, holding its folder lock ({@link FolderLock})
 * on every folder touched, so that a message Asterisk is saving at that moment is never overwritten, lost or
 * given a number twice:
 * <ul>
 * <li>which message an id is, and every number, is read again from the folders once they are locked;</li>
 * <li>a message moved in goes after the highest {@code msgNNNN.txt} of its new folder ({@code last_message_index
 * + 1}, as {@code save_to_folder} numbers it);</li>
 * <li>a folder something left is renumbered as {@code close_mailbox} does: the messages that stay keep their order,
 * numbered from {@code msg0000} without gaps;</li>
 * <li>every file of a message ({@code msgNNNN.*}: each audio format, then the txt, as {@code rename_file} orders
 * them) is renamed or deleted with it; a rename within the spool is atomic.</li>
 * </ul>
 * Folders are locked in the order given, the source before the destination as app_voicemail nests them. To
 * never deadlock with an app_voicemail that nests them the other way, a folder after the first is waited for only
 * briefly; then every lock is released and the whole set retried, up to Asterisk's own 5 seconds.
 */
final class FolderChanges {
    /** How long app_voicemail waits for a lock, and so how long a change may wait for its folders. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final Duration NESTED_WAIT = Duration.ofMillis(100);
    /** msgNNNN: app_voicemail's {@code MAXMSGLIMIT}. */
    static final int MAX_MESSAGES = 9999;

    private final VoicemailSpool spool;

    FolderChanges(VoicemailSpool spool) {
        this.spool = spool;
    }

    /** What {@link #locked} hands its work: the locked folders' messages, read under the locks, by folder name. */
    interface Work {
        void run(Map<String, Folder> folders, Map<String, SortedMap<Integer, MessageFiles>> messages)
                throws IOException;
    }

    /**
     * Runs {@code work} holding the locks of {@code folders} (in that order), with their messages read under the
     * locks.
     *
     * @throws ApiException 503 with Retry-After when a folder stayed locked for {@link #LOCK_WAIT}
     */
    void locked(List<Folder> folders, Work work) {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            List<FolderLock> locks = new ArrayList<>();
            try {
                boolean all = true;
                for (Folder folder : folders) {
                    Duration wait = locks.isEmpty() ? remaining(deadline) : NESTED_WAIT;
                    FolderLock lock = FolderLock.tryLock(folder.directory(), wait);
                    if (lock == null) {
                        all = false;
                        break;
                    }
                    locks.add(lock);
                }
                if (all) {
                    Map<String, Folder> byName = new LinkedHashMap<>();
                    Map<String, SortedMap<Integer, MessageFiles>> messages = new LinkedHashMap<>();
                    for (Folder folder : folders) {
                        byName.put(folder.name(), folder);
                        messages.put(folder.name(), new TreeMap<>(spool.messages(folder)));
                    }
                    work.run(byName, messages);
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Changing voicemail in " + folders, e);
            } finally {
                Collections.reverse(locks);
                locks.forEach(FolderLock::close);
            }
            if (System.nanoTime() - deadline > 0) {
                throw ApiException.unavailable("The voicemail folders are locked by Asterisk; try again shortly.", 2);
            }
            backOff();
        }
    }

    /**
     * Moves the messages at {@code numbers} of {@code from} to the end of {@code to}; the caller holds both locks
     * and renumbers {@code from} afterwards.
     *
     * @return the new numbers in {@code to}
     */
    static List<Integer> moveAll(SortedMap<Integer, MessageFiles> from, List<Integer> numbers, Folder to,
            SortedMap<Integer, MessageFiles> toMessages) throws IOException {
        int next = toMessages.isEmpty() ? 0 : toMessages.lastKey() + 1;
        if (next + numbers.size() - 1 > MAX_MESSAGES) {
            throw ApiException.conflict("The folder " + to.name() + " is full (" + MAX_MESSAGES + " messages)");
        }
        List<Integer> placed = new ArrayList<>();
        for (int number : numbers) {
            MessageFiles message = from.remove(number);
            MessageFiles moved = rename(message, to.directory(), next);
            toMessages.put(next, moved);
            placed.add(next++);
        }
        return placed;
    }

    /** Deletes every file of the messages at {@code numbers}; the caller holds the lock and renumbers after. */
    static void deleteAll(SortedMap<Integer, MessageFiles> messages, List<Integer> numbers) throws IOException {
        for (int number : numbers) {
            MessageFiles message = messages.remove(number);
            for (Path file : audioFirst(message)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** {@code close_mailbox}'s renumbering: the messages left, in order, at msg0000, msg0001, ... */
    static void renumber(Folder folder, SortedMap<Integer, MessageFiles> messages) throws IOException {
        int destination = 0;
        for (MessageFiles message : List.copyOf(messages.values())) {
            if (message.number() != destination) {
                rename(message, folder.directory(), destination);
            }
            destination++;
        }
    }

    /** Every file of the message to {@code msgNNNN.<ext>} in {@code directory}: audio first, the txt last. */
    private static MessageFiles rename(MessageFiles message, Path directory, int number) throws IOException {
        String name = String.format("msg%04d", number);
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : audioFirstEntries(message)) {
            Path target = directory.resolve(name + "." + file.getKey());
            Files.move(file.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
            files.put(file.getKey(), target);
        }
        Map<String, Path> audio = new LinkedHashMap<>();
        message.audio().keySet().forEach(format -> audio.put(format, files.get(format)));
        return new MessageFiles(number, files.get("txt"), audio, files);
    }

    private static List<Path> audioFirst(MessageFiles message) {
        return audioFirstEntries(message).stream().map(Map.Entry::getValue).toList();
    }

    private static List<Map.Entry<String, Path>> audioFirstEntries(MessageFiles message) {
        List<Map.Entry<String, Path>> entries = new ArrayList<>();
        message.files().entrySet().stream().filter(e -> !e.getKey().equals("txt")).forEach(entries::add);
        message.files().entrySet().stream().filter(e -> e.getKey().equals("txt")).forEach(entries::add);
        return entries;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static void backOff() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for a voicemail folder lock.", 2);
        }
    }
}
