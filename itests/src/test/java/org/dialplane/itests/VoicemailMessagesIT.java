package org.dialplane.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/voicemail/{mailbox}/messages}: a spool written as app_voicemail writes it (several folders and
 * formats, a message without audio, a corrupt txt, a txt from before msg_id), the audio whole, by range and by
 * format, moves and deletes renumbered as app_voicemail expects, a writer imitating app_voicemail raced against
 * them, tenants, read-only keys and path escapes. No AMI is configured: changes work without it.
 */
public class VoicemailMessagesIT extends DialplaneTestSupport {
    private static final Path WORK = Path.of(System.getProperty("dialplane.test.work"), "VoicemailMessagesIT")
            .toAbsolutePath();
    private static final Path SPOOL = WORK.resolve("spool");
    private static final Path ETC = WORK.resolve("etc");
    private static final AtomicInteger NEXT_MAILBOX = new AtomicInteger(3000);
    /** How many moves and deletes race the imitation of app_voicemail. */
    private static final int RACED_CHANGES = 30;

    private Http admin;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", SPOOL.toString(), "etc", ETC.toString()));
        return composite(database("VoicemailMessagesIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void loginAndFiles() throws IOException {
        await("the messages resource answers", () -> http.get("/pbxapi/voicemail/1000/messages").status() == 401);
        admin = asAdmin();
        if (!Files.exists(ETC.resolve("voicemail.conf"))) {
            Files.createDirectories(ETC);
            Files.writeString(ETC.resolve("voicemail.conf"), VoicemailIT.ISSABEL_CONF);
        }
        awaitAsteriskPath("etc", ETC);
        awaitAsteriskPath("spool", SPOOL);
    }

    @Test
    public void whenMessagesListed_thenEveryMessageOfEveryFolderParsed() throws Exception {
        String box = mailboxWithMessages();
        JsonNode all = admin.get("/pbxapi/voicemail/" + box + "/messages").json().get("results");
        assertEquals(all.toString(), 7, all.size());
        JsonNode first = all.get(0);
        assertEquals("1700000000-00000001", first.get("id").asText());
        assertEquals("INBOX", first.get("folder").asText());
        assertEquals("Alice Smith", first.get("callerid_name").asText());
        assertEquals("5551000", first.get("callerid_num").asText());
        assertEquals("2023-11-14T22:13:20Z", first.get("time").asText());
        assertEquals(12, first.get("duration").asInt());
        assertEquals("[\"wav\",\"WAV\",\"gsm\"]", first.get("formats").toString());
        assertEquals("[]", all.get(2).get("formats").toString()); // the message without audio
        JsonNode corrupt = all.get(3);
        assertFalse(corrupt.get("readable").asBoolean());
        assertEquals("INBOX-0003", corrupt.get("id").asText());
        assertEquals("Work-0000", all.get(6).get("id").asText()); // a txt from before msg_id
        assertEquals("5551006", all.get(6).get("callerid_num").asText());

        JsonNode old = admin.get("/pbxapi/voicemail/" + box + "/messages?folder=Old&fields=id,folder").json();
        assertEquals("{\"results\":[{\"id\":\"1700000004-00000005\",\"folder\":\"Old\"}]}", old.toString());
        assertEquals(422, admin.get("/pbxapi/voicemail/" + box + "/messages?folder=..").status());
        assertEquals(422, admin.get("/pbxapi/voicemail/" + box + "/messages?folder=inbox").status());
        JsonNode one = admin.get("/pbxapi/voicemail/" + box + "/messages/1700000005-00000006").json();
        assertEquals("Urgent", one.get("results").get(0).get("flag").asText());
        assertEquals(404, admin.get("/pbxapi/voicemail/" + box + "/messages/1700000000-0000ffff").status());
        assertEquals(404, admin.get("/pbxapi/voicemail/3999/messages").status());
    }

    @Test
    public void whenAudioAsked_thenFormatByParameterOrAcceptWithRangeAndHead() throws Exception {
        String box = mailboxWithMessages();
        String audio = "/pbxapi/voicemail/" + box + "/messages/1700000000-00000001/audio";
        Download whole = download("GET", audio, Map.of());
        assertEquals(whole.response().toString(), 200, whole.status());
        assertEquals("audio/wav", whole.response().header("Content-Type"));
        assertArrayEquals(audioOf("1700000000-00000001", "wav"), whole.bytes());

        Download gsm = download("GET", audio + "?format=gsm", Map.of());
        assertEquals("audio/x-gsm", gsm.response().header("Content-Type"));
        assertArrayEquals(audioOf("1700000000-00000001", "gsm"), gsm.bytes());
        Download wav49 = download("GET", audio, Map.of("Accept", "audio/x-wav"));
        assertEquals("audio/x-wav", wav49.response().header("Content-Type"));
        assertArrayEquals(audioOf("1700000000-00000001", "WAV"), wav49.bytes());

        Download part = download("GET", audio, Map.of("Range", "bytes=2-5"));
        assertEquals(206, part.status());
        assertArrayEquals(Arrays.copyOfRange(audioOf("1700000000-00000001", "wav"), 2, 6), part.bytes());
        Download head = download("HEAD", audio, Map.of());
        assertEquals(200, head.status());
        assertEquals(0, head.bytes().length);
        assertEquals(Integer.toString(whole.bytes().length), head.response().header("Content-Length"));

        String noAudio = "/pbxapi/voicemail/" + box + "/messages/1700000002-00000003/audio";
        assertEquals(404, download("GET", noAudio, Map.of()).status());
        assertEquals(404, download("GET", audio.replace("00000001", "00000002") + "?format=gsm", Map.of()).status());
        assertEquals(400, download("GET", audio + "?format=mp3", Map.of()).status());
        assertEquals(406, download("GET", audio, Map.of("Accept", "application/json")).status());
    }

    @Test
    public void whenMovedToOld_thenAllFilesMovedAndInboxRenumberedFromZero() throws Exception {
        String box = mailboxWithMessages();
        Path inbox = SPOOL.resolve("voicemail/default/" + box + "/INBOX");
        Path old = inbox.resolveSibling("Old");
        Http.Response moved = admin.json("PUT", "/pbxapi/voicemail/" + box + "/messages/1700000000-00000001",
                "{\"folder\":\"Old\"}");
        assertEquals(moved.toString(), 200, moved.status());
        assertEquals(List.of("msg0000.txt", "msg0000.wav", "msg0001.txt", "msg0002.txt", "msg0002.wav"),
                names(inbox));
        assertEquals(List.of("msg0000.gsm", "msg0000.txt", "msg0001.WAV", "msg0001.gsm", "msg0001.txt",
                "msg0001.wav"), names(old));
        assertArrayEquals(audioOf("1700000000-00000001", "WAV"), Files.readAllBytes(old.resolve("msg0001.WAV")));
        assertTrue(Files.readString(old.resolve("msg0001.txt")).contains("msg_id=1700000000-00000001"));
        JsonNode now = admin.get("/pbxapi/voicemail/" + box + "/messages/1700000000-00000001").json();
        assertEquals("Old", now.get("results").get(0).get("folder").asText());
        assertEquals(1, now.get("results").get(0).get("number").asInt());

        assertEquals(422, admin.json("PUT", "/pbxapi/voicemail/" + box + "/messages/1700000001-00000002",
                "{\"folder\":\"Trash\"}").status());
        assertEquals(404, admin.json("PUT", "/pbxapi/voicemail/" + box + "/messages/1700000001-00000002,nosuch-1",
                "{\"folder\":\"Old\"}").status());
        assertEquals("nothing moved on a 404", 3, AppVoicemail.lastMessageIndex(inbox) + 1);
        JsonNode counts = admin.get("/pbxapi/voicemail/" + box).json().get("results").get(0);
        assertEquals(3, counts.get("new").asInt());
        assertEquals(2, counts.get("old").asInt());
    }

    @Test
    public void whenDeletedAcrossFolders_thenEveryFileGoneAndFoldersContiguous() throws Exception {
        String box = mailboxWithMessages();
        Path inbox = SPOOL.resolve("voicemail/default/" + box + "/INBOX");
        assertEquals(404, admin.send("DELETE", "/pbxapi/voicemail/" + box + "/messages/1700000001-00000002,nosuch-2",
                null, Map.of()).status());
        assertEquals("nothing deleted on a 404", 4, AppVoicemail.lastMessageIndex(inbox) + 1);
        Http.Response deleted = admin.send("DELETE", "/pbxapi/voicemail/" + box
                + "/messages/1700000000-00000001,INBOX-0003,1700000004-00000005", null, Map.of());
        assertEquals(deleted.toString(), 200, deleted.status());
        assertEquals(List.of("msg0000.txt", "msg0000.wav", "msg0001.txt"), names(inbox));
        assertTrue(Files.readString(inbox.resolve("msg0000.txt")).contains("msg_id=1700000001-00000002"));
        assertEquals(List.of(), names(inbox.resolveSibling("Old")));
        assertEquals(4, admin.get("/pbxapi/voicemail/" + box + "/messages").json().get("results").size());
    }

    @Test
    public void whenAppVoicemailWritesDuringMovesAndDeletes_thenEveryMessageSurvivesExactlyOnce() throws Exception {
        String box = newMailbox();
        Path mailbox = SPOOL.resolve("voicemail/default/" + box);
        Files.createDirectories(mailbox.resolve("INBOX"));
        // The writer keeps leaving messages until the changes below have raced it RACED_CHANGES times.
        AtomicInteger changed = new AtomicInteger();
        List<String> left = new ArrayList<>();
        List<Throwable> writerErrors = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; changed.get() < RACED_CHANGES && i < 5000; i++) {
                    String id = String.format("1800000000-%08x", i);
                    String txt = AppVoicemail.txt(id, "\"Race\" <" + (6000 + i) + ">", 1800000000L + i, 3, "");
                    AppVoicemail.leave(mailbox, "INBOX", txt, Map.of("wav", bytes(id + ".wav"), "gsm",
                            bytes(id + ".gsm")), Duration.ofMillis(5));
                    synchronized (left) {
                        left.add(id);
                    }
                }
            } catch (Throwable e) {
                synchronized (writerErrors) {
                    writerErrors.add(e);
                }
            }
        }, "app_voicemail imitation");
        writer.start();
        // Moves out of INBOX, back into it (where both pick the next number) and deletes, while the writer writes.
        List<String> deleted = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int step = 0; writer.isAlive(); step++) {
            assertTrue("the race ends in time", System.nanoTime() < deadline);
            List<String> inbox = new ArrayList<>();
            List<String> old = new ArrayList<>();
            for (JsonNode m : admin.get("/pbxapi/voicemail/" + box + "/messages?fields=id,folder").json()
                    .get("results")) {
                (m.get("folder").asText().equals("INBOX") ? inbox : old).add(m.get("id").asText());
            }
            String messages = "/pbxapi/voicemail/" + box + "/messages/";
            Http.Response change = null;
            if (step % 3 == 0 && !inbox.isEmpty()) {
                change = admin.json("PUT", messages + inbox.get(0), "{\"folder\":\"Old\"}");
            } else if (step % 3 == 1 && !old.isEmpty()) {
                change = admin.json("PUT", messages + old.get(0), "{\"folder\":\"INBOX\"}");
            } else if (step % 3 == 2 && inbox.size() >= 2) {
                change = admin.send("DELETE", messages + inbox.get(1), null, Map.of());
                deleted.add(inbox.get(1));
            }
            if (change != null) {
                assertEquals(change.toString(), 200, change.status());
                changed.incrementAndGet();
            }
        }
        writer.join();
        assertEquals("app_voicemail's writer never failed", List.of(), writerErrors);
        assertTrue("changes raced the writer: " + changed, changed.get() >= RACED_CHANGES);
        Map<String, Integer> seen = new TreeMap<>();
        for (String folder : List.of("INBOX", "Old")) {
            Path dir = mailbox.resolve(folder);
            List<String> names = names(dir);
            int count = (int) names.stream().filter(n -> n.endsWith(".txt")).count();
            assertEquals(folder + " numbered from msg0000 without gaps: " + names, count - 1,
                    AppVoicemail.lastMessageIndex(dir));
            for (int n = 0; n < count; n++) {
                String base = String.format("msg%04d", n);
                String txt = Files.readString(dir.resolve(base + ".txt"));
                String id = txt.replaceAll("(?s).*msg_id=([^\\n]+)\\n.*", "$1");
                seen.merge(id, 1, Integer::sum);
                assertArrayEquals("the files of " + id + " moved together", bytes(id + ".wav"),
                        Files.readAllBytes(dir.resolve(base + ".wav")));
                assertArrayEquals(bytes(id + ".gsm"), Files.readAllBytes(dir.resolve(base + ".gsm")));
            }
            assertEquals(folder + " holds only whole messages, contiguous: " + names, count * 3, names.size());
        }
        List<String> expected = new ArrayList<>(left);
        expected.removeAll(deleted);
        assertEquals(new java.util.TreeSet<>(expected), seen.keySet());
        assertTrue("each exactly once: " + seen, seen.values().stream().allMatch(c -> c == 1));
        assertFalse("no lock left behind", Files.exists(mailbox.resolve("INBOX/.lock")));
    }

    @Test
    public void whenOtherTenantOrReadOnlyKey_then404And403() throws Exception {
        String box = mailboxWithMessages();
        String adminToken = Logins.adminToken(http);
        String tenant = Logins.tenant(http, adminToken, 7200, 7299);
        Http other = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"o\",\"tenant\":\"" + tenant + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"r\",\"read_only\":true}"));
        String message = "/pbxapi/voicemail/" + box + "/messages/1700000000-00000001";
        assertEquals(404, other.get("/pbxapi/voicemail/" + box + "/messages").status());
        assertEquals(404, other.get(message + "/audio").status());
        assertEquals(404, other.send("DELETE", message, null, Map.of()).status());
        assertEquals(200, readOnly.get(message).status());
        assertEquals(403, readOnly.json("PUT", message, "{\"folder\":\"Old\"}").status());
        assertEquals(403, readOnly.send("DELETE", message, null, Map.of()).status());
        assertEquals(7, admin.get("/pbxapi/voicemail/" + box + "/messages").json().get("results").size());
    }

    @Test
    public void whenPathsTryToEscape_thenRefused() throws Exception {
        String box = mailboxWithMessages();
        Path inbox = SPOOL.resolve("voicemail/default/" + box + "/INBOX");
        Path outside = Files.writeString(WORK.resolve("secret.wav"), "not yours");
        Files.createSymbolicLink(inbox.resolve("msg0001.gsm"), outside);
        String base = "/pbxapi/voicemail/" + box + "/messages/";
        assertEquals(404, download("GET", base + "1700000001-00000002/audio?format=gsm", Map.of()).status());
        JsonNode listed = admin.get(base + "1700000001-00000002").json().get("results").get(0);
        assertEquals("[\"wav\"]", listed.get("formats").toString());
        assertEquals(400, admin.get("/pbxapi/voicemail/..%2F..%2Fetc/messages").status());
        assertEquals(400, admin.get(base + "..%2F..%2Fsecret/audio").status());
        assertEquals(404, admin.get("/pbxapi/voicemail/" + box + "/messages/msg0000").status());
        // A mailbox folder that is a link out of the spool is not read.
        String linked = newMailbox();
        Path linkedDir = SPOOL.resolve("voicemail/default/" + linked);
        Path elsewhere = Files.createDirectories(WORK.resolve("elsewhere/INBOX"));
        AppVoicemail.leave(elsewhere.getParent(), "INBOX", "1900000000-00000001", "1", 1900000000L, 1,
                Map.of("wav", bytes("x")));
        Files.createSymbolicLink(linkedDir, elsewhere.getParent());
        assertEquals("[]", admin.get("/pbxapi/voicemail/" + linked + "/messages").json().get("results").toString());
    }

    /** A new mailbox with app_voicemail's folders: INBOX 4 (one without audio, one corrupt), Old, Urgent, Work. */
    private String mailboxWithMessages() throws IOException {
        String box = newMailbox();
        Path mailbox = SPOOL.resolve("voicemail/default/" + box);
        leave(mailbox, "INBOX", "1700000000-00000001", "\"Alice Smith\" <5551000>", 12, "wav", "WAV", "gsm");
        leave(mailbox, "INBOX", "1700000001-00000002", "5551001", 5, "wav");
        leave(mailbox, "INBOX", "1700000002-00000003", "Bob", 0);
        AppVoicemail.leave(mailbox, "INBOX", "[message]\ncallerid=\0\0\u00ff garbage", Map.of("wav", bytes("c")));
        leave(mailbox, "Old", "1700000004-00000005", "5551004", 7, "gsm");
        leave(mailbox, "Urgent", "1700000005-00000006", "5551005", 9, "WAV");
        String beforeMsgId = AppVoicemail.txt("x", "5551006", 1700000006L, 4, "").replace("msg_id=x\n", "");
        AppVoicemail.leave(mailbox, "Work", beforeMsgId, Map.of("wav", bytes("w")));
        return box;
    }

    private static void leave(Path mailbox, String folder, String id, String callerid, int duration, String... formats)
            throws IOException {
        Map<String, byte[]> audio = new java.util.LinkedHashMap<>();
        for (String format : formats) {
            audio.put(format, audioOf(id, format));
        }
        long origtime = Long.parseLong(id.substring(0, id.indexOf('-')));
        AppVoicemail.leave(mailbox, folder, id, callerid, origtime, duration, audio);
    }

    private String newMailbox() {
        String box = Integer.toString(NEXT_MAILBOX.incrementAndGet());
        Http.Response response = admin.json("PUT", "/pbxapi/extensions/" + box + "?reload=0",
                "{\"name\":\"Box " + box + "\",\"voicemail\":\"default\"}");
        assertEquals(response.toString(), 200, response.status());
        await("mailbox " + box + " is in voicemail.conf", () -> admin.get("/pbxapi/voicemail/" + box).status() == 200);
        return box;
    }

    private static byte[] audioOf(String id, String format) {
        return bytes("RIFF " + format + " of " + id);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("msg")).sorted().toList();
        }
    }

    private record Download(Http.Response response, byte[] bytes) {
        int status() {
            return response.status();
        }
    }

    private Download download(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + Logins.adminToken(http));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(new Http.Response(response.statusCode(), response.headers().map(),
                new String(response.body(), StandardCharsets.UTF_8)), response.body());
    }
}
