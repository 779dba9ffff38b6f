package org.dialplane.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderChangesTest {
    @TempDir
    Path spool;

    private VoicemailSpool voicemail;
    private Mailbox mailbox;
    private Path inbox;

    @BeforeEach
    void folders() throws IOException {
        voicemail = new VoicemailSpool(AsteriskPaths.of(spool, spool.resolve("etc"), spool.resolve("sounds")));
        mailbox = new Mailbox("default", "1005", "1234", "", "", "", Map.of());
        inbox = Files.createDirectories(spool.resolve("voicemail/default/1005/INBOX"));
        Files.createDirectories(spool.resolve("voicemail/default/1005/Old"));
    }

    @Test
    void whenFolderLocked_thenASecondLockWaitsAndTheUnlockFreesIt() throws IOException {
        try (FolderLock first = FolderLock.tryLock(inbox, Duration.ZERO)) {
            assertNotNull(first);
            assertTrue(Files.exists(inbox.resolve(".lock")));
            assertNull(FolderLock.tryLock(inbox, Duration.ofMillis(50)), "Asterisk's lock excludes a second holder");
        }
        assertFalse(Files.exists(inbox.resolve(".lock")));
        try (var files = Files.list(inbox)) {
            assertEquals(0, files.count(), "no .lock-XXXXXXXX left behind");
        }
        FolderLock again = FolderLock.tryLock(inbox, Duration.ZERO);
        assertNotNull(again);
        again.close();
    }

    @Test
    void whenMessageDeleted_thenEveryFileGoneAndTheRestRenumberedFromZero() throws IOException {
        message(inbox, 0, "wav", "gsm");
        message(inbox, 1, "WAV");
        message(inbox, 2);
        FolderChanges changes = new FolderChanges(voicemail);
        changes.locked(List.of(folder("INBOX")), (folders, messages) -> {
            FolderChanges.deleteAll(messages.get("INBOX"), List.of(0));
            FolderChanges.renumber(folders.get("INBOX"), messages.get("INBOX"));
        });
        assertEquals(List.of("msg0000.WAV", "msg0000.txt", "msg0001.txt"), names(inbox));
        assertEquals("1", Files.readString(inbox.resolve("msg0000.txt")));
    }

    @Test
    void whenMessageMoved_thenItGoesAfterTheHighestOfItsNewFolder() throws IOException {
        Path old = inbox.resolveSibling("Old");
        message(inbox, 0, "wav");
        message(inbox, 1, "wav");
        message(old, 0, "gsm");
        new FolderChanges(voicemail).locked(List.of(folder("INBOX"), folder("Old")), (folders, messages) -> {
            FolderChanges.moveAll(messages.get("INBOX"), List.of(0), folders.get("Old"), messages.get("Old"));
            FolderChanges.renumber(folders.get("INBOX"), messages.get("INBOX"));
        });
        assertEquals(List.of("msg0000.txt", "msg0000.wav"), names(inbox));
        assertEquals("1", Files.readString(inbox.resolve("msg0000.txt")));
        assertEquals(List.of("msg0000.gsm", "msg0000.txt", "msg0001.txt", "msg0001.wav"), names(old));
        assertEquals("0", Files.readString(old.resolve("msg0001.txt")));
    }

    @Test
    void whenAsteriskHoldsTheLock_thenTheChangeIsA503AndNothingMoves() throws IOException {
        message(inbox, 0, "wav");
        Files.createFile(inbox.resolve(".lock")); // a lock Asterisk holds (or left when it died)
        FolderChanges changes = new FolderChanges(voicemail);
        long started = System.nanoTime();
        ApiException busy = assertThrows(ApiException.class, () -> changes.locked(List.of(folder("INBOX")),
                (folders, messages) -> FolderChanges.deleteAll(messages.get("INBOX"), List.of(0))));
        assertEquals(503, busy.problem().status());
        assertTrue(System.nanoTime() - started >= FolderChanges.LOCK_WAIT.toNanos(), "waited as long as Asterisk");
        assertEquals(List.of("msg0000.txt", "msg0000.wav"), names(inbox));
    }

    @Test
    void whenFileIsALinkOutOfTheSpool_thenItIsNotPartOfTheMessage() throws IOException {
        message(inbox, 0, "wav");
        Path outside = Files.writeString(spool.getParent().resolve(spool.getFileName() + "-secret.gsm"), "secret");
        Files.createSymbolicLink(inbox.resolve("msg0000.gsm"), outside);
        VoicemailSpool.MessageFiles files = voicemail.messages(folder("INBOX")).get(0);
        assertEquals(List.of("wav"), List.copyOf(files.audio().keySet()));
        Files.delete(outside);
    }

    private VoicemailSpool.Folder folder(String name) {
        return voicemail.folder(mailbox, name).orElseThrow();
    }

    /** A message whose txt holds its original number, with audio files in the formats given. */
    private static void message(Path folder, int number, String... formats) throws IOException {
        String base = String.format("msg%04d", number);
        for (String format : formats) {
            Files.writeString(folder.resolve(base + "." + format), base + format);
        }
        Files.writeString(folder.resolve(base + ".txt"), Integer.toString(number));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("msg")).sorted().toList();
        }
    }
}
