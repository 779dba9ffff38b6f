package org.dialplane.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes voicemail as Asterisk's app_voicemail does (apps/app_voicemail.c {@code leave_voicemail}, file storage):
 * the recording and its {@code [message]} txt first in the mailbox's {@code tmp/}, then, holding the folder's lock
 * (main/app.c {@code ast_lock_path_lockfile}: a {@code .lock-XXXXXXXX} file hard-linked to {@code .lock}, retried
 * for 5 seconds), the next number after the highest {@code msgNNNN.txt} ({@code last_message_index}), the audio
 * renamed in ({@code ast_filerename}), then the txt, then the lock removed.
 */
final class AppVoicemail {
    private static final Pattern TXT = Pattern.compile("msg([0-9]{4})\\.txt");
    private static final DateTimeFormatter ORIGDATE = DateTimeFormatter
            .ofPattern("EEE MMM ppd hh:mm:ss a 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private AppVoicemail() {
    }

    /** The txt app_voicemail writes for a message. */
    static String txt(String msgId, String callerid, long origtime, int duration, String flag) {
        return ";\n; Message Information file\n;\n[message]\norigmailbox=1000\ncontext=macro-vm\nexten=s-NOANSWER\n"
                + "rdnis=1000\npriority=2\ncallerchan=SIP/trunk-00000001\ncallerid=" + callerid + "\norigdate="
                + ORIGDATE.format(Instant.ofEpochSecond(origtime)) + "\norigtime=" + origtime + "\ncategory=\nmsg_id="
                + msgId + "\nflag=" + flag + "\nduration=" + duration + "\n";
    }

    /** Leaves a message in {@code folder} of the mailbox directory; its number. */
    static int leave(Path mailbox, String folder, String msgId, String callerid, long origtime, int duration,
            Map<String, byte[]> audio) throws IOException {
        return leave(mailbox, folder, txt(msgId, callerid, origtime, duration, "Urgent".equals(folder) ? "Urgent" : ""),
                audio);
    }

    /** Leaves a message with this txt content. */
    static int leave(Path mailbox, String folder, String txt, Map<String, byte[]> audio) throws IOException {
        return leave(mailbox, folder, txt, audio, Duration.ZERO);
    }

    /**
     * Leaves a message, holding the lock {@code pause} longer at each step (after choosing the number, after the
     * audio): the time a busy disk gives another process to get in when it does not respect the lock.
     */
    static int leave(Path mailbox, String folder, String txt, Map<String, byte[]> audio, Duration pause)
            throws IOException {
        Path tmp = Files.createDirectories(mailbox.resolve("tmp"));
        Path dir = Files.createDirectories(mailbox.resolve(folder));
        String tmpName = "tmp" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        for (Map.Entry<String, byte[]> format : audio.entrySet()) {
            Files.write(tmp.resolve(tmpName + "." + format.getKey()), format.getValue());
        }
        Files.writeString(tmp.resolve(tmpName + ".txt"), txt, StandardCharsets.UTF_8);
        lock(dir);
        try {
            int number = lastMessageIndex(dir) + 1;
            String name = String.format("msg%04d", number);
            pause(pause);
            for (String format : audio.keySet()) {
                Files.move(tmp.resolve(tmpName + "." + format), dir.resolve(name + "." + format),
                        StandardCopyOption.ATOMIC_MOVE); // rename(): replaces what is there, as Asterisk does
            }
            pause(pause);
            Files.move(tmp.resolve(tmpName + ".txt"), dir.resolve(name + ".txt"), StandardCopyOption.ATOMIC_MOVE);
            return number;
        } finally {
            unlock(dir);
        }
    }

    private static void pause(Duration pause) {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The highest msgNNNN.txt number, -1 for none: app_voicemail's {@code last_message_index}. */
    static int lastMessageIndex(Path dir) throws IOException {
        int last = -1;
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = TXT.matcher(file.getFileName().toString());
                if (m.matches()) {
                    last = Math.max(last, Integer.parseInt(m.group(1)));
                }
            }
        }
        return last;
    }

    /** {@code ast_lock_path_lockfile}. */
    static void lock(Path dir) throws IOException {
        Path unique = dir.resolve(String.format(".lock-%08x", ThreadLocalRandom.current().nextInt()));
        Files.createFile(unique);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                try {
                    Files.createLink(dir.resolve(".lock"), unique);
                    return;
                } catch (FileAlreadyExistsException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Failed to lock path " + dir, e);
                    }
                    Thread.onSpinWait();
                    Thread.yield();
                }
            }
        } finally {
            Files.delete(unique);
        }
    }

    static void unlock(Path dir) throws IOException {
        Files.delete(dir.resolve(".lock"));
    }
}
