package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Voicemail with AMI attached (the fake Asterisk over TCP): a change of messages is followed by
 * {@code VoicemailRefresh} for the mailbox, and Asterisk's {@code MessageWaiting} becomes {@code voicemail.new} /
 * {@code voicemail.changed} on {@code /pbxapi/events}, heard only by the tenant the mailbox's extension belongs to.
 */
public class VoicemailEventsIT extends DialplaneTestSupport {
    private static final Path WORK = Path.of(System.getProperty("dialplane.test.work"), "VoicemailEventsIT")
            .toAbsolutePath();
    private static final Path SPOOL = WORK.resolve("spool");
    private static final Path ETC = WORK.resolve("etc");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String EVENTS = "/pbxapi/events?types=voicemail.new,voicemail.changed&key=";
    private static FakeAmiServer server;

    private String adminToken;
    private Http admin;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", SPOOL.toString(), "etc", ETC.toString()));
        return composite(database("VoicemailEventsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void fakeAmiAndFiles() throws IOException {
        server = AmiPeers.of(this);
        server.reset();
        if (!Files.exists(ETC.resolve("voicemail.conf"))) {
            Files.createDirectories(ETC);
            Files.writeString(ETC.resolve("voicemail.conf"), VoicemailIT.ISSABEL_CONF);
        }
        await("the voicemail resource answers", () -> http.get("/pbxapi/voicemail").status() == 401);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        awaitAsteriskPath("etc", ETC);
        awaitAsteriskPath("spool", SPOOL);
    }

    @Test
    public void whenMessageMoved_thenVoicemailRefreshSentForItsMailbox() throws Exception {
        extension(admin, "4001");
        AppVoicemail.leave(SPOOL.resolve("voicemail/default/4001"), "INBOX", "1700000000-00000001", "5551000",
                1700000000L, 3, Map.of("wav", new byte[] {1, 2}));
        Http.Response moved = admin.json("PUT", "/pbxapi/voicemail/4001/messages/1700000000-00000001",
                "{\"folder\":\"Old\"}");
        assertEquals(moved.toString(), 200, moved.status());
        AmiMessage refresh = server.awaitAction("VoicemailRefresh", WAIT);
        assertEquals("default", refresh.get("Context"));
        assertEquals("4001", refresh.get("Mailbox"));
        assertTrue(Files.exists(SPOOL.resolve("voicemail/default/4001/Old/msg0000.wav")));
    }

    @Test
    public void whenMessageWaiting_thenNewThenChangedHeardOnlyByTheMailboxsTenant() throws Exception {
        String tenantA = Logins.tenant(http, adminToken, 7300, 7399);
        String tenantB = Logins.tenant(http, adminToken, 7400, 7499);
        Http writerA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http writerB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        String keyA = Logins.apiKey(http, adminToken, "{\"name\":\"ra\",\"tenant\":\"" + tenantA + "\",\"read_only\":true}");
        String keyB = Logins.apiKey(http, adminToken, "{\"name\":\"rb\",\"tenant\":\"" + tenantB + "\",\"read_only\":true}");
        extension(writerA, "7301");
        extension(writerB, "7401");
        try (SseClient a = SseClient.connect(port(), EVENTS + keyA, Map.of());
                SseClient b = SseClient.connect(port(), EVENTS + keyB, Map.of())) {
            server.emit("MessageWaiting", Map.of("Mailbox", "7301@default", "Waiting", "1", "New", "1", "Old", "0"));
            server.emit("MessageWaiting", Map.of("Mailbox", "7301@default", "Waiting", "0", "New", "0", "Old", "1"));
            server.emit("MessageWaiting", Map.of("Mailbox", "7401@default", "Waiting", "1", "New", "2", "Old", "0"));

            SseClient.Event arrived = a.next(WAIT);
            SseClient.Event heard = a.next(WAIT);
            assertEquals("voicemail.new", arrived.name());
            assertEquals("7301", arrived.data().get("mailbox").asText());
            assertEquals(1, arrived.data().get("new").asInt());
            assertEquals("voicemail.changed", heard.name());
            assertEquals(1, heard.data().get("old").asInt());
            SseClient.Event other = b.next(WAIT);
            assertEquals("tenant B's first event is its own mailbox's", "7401", other.data().get("mailbox").asText());
            assertEquals("voicemail.new", other.name());
        }
    }

    private static void extension(Http writer, String number) {
        Http.Response response = writer.json("PUT", "/pbxapi/extensions/" + number + "?reload=0",
                "{\"name\":\"Box " + number + "\",\"voicemail\":\"default\"}");
        assertTrue(response.toString(), response.status() < 300);
    }
}
