package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * {@code /pbxapi/events} (Server-Sent Events) against the fake AMI server over TCP: calls started, answered and
 * hung up, agents paused and unpaused, configuration applied; tenants hear only of their own extensions; type
 * filters; replay after a reconnect; a slow client that slows neither AMI nor the other clients; AMI dropping
 * under an open stream; 503 without AMI.
 */
public class EventsIT extends DialplaneTestSupport {
    private static final String EVENTS = "/pbxapi/events";
    private static final String AGENT = "402";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger CHANNELS = new AtomicInteger();
    private static FakeAmiServer server;

    private String adminToken;
    private Http admin;

    @Override
    protected Option options() {
        return composite(database("EventsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()));
    }

    @Before
    public void fakeAmiRunsAndTheAgentIsInAQueue() throws IOException {
        server = AmiPeers.of(this, peer -> {
            peer.pbx().addQueueMember("281", "SIP/" + AGENT, "Agent " + AGENT);
        });
        server.resume();
        server.reset();
        await("the events resource answers", () -> http.get(EVENTS).status() == 401);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        Http.Response extension = admin.json("PUT", "/pbxapi/extensions/" + AGENT + "?reload=0",
                "{\"name\":\"Agent\"}");
        assertTrue(extension.toString(), extension.status() < 300);
    }

    @Test
    public void whenCallStartedAnsweredAndHungUp_thenEachStreamedInOrder() throws Exception {
        try (SseClient stream = connect(adminToken, "")) {
            assertTrue(stream.contentType(), stream.contentType().startsWith("text/event-stream"));
            String uniqueid = call(AGENT);

            SseClient.Event started = stream.until(event -> isAbout(event, uniqueid), WAIT);
            SseClient.Event answered = stream.next(WAIT);
            SseClient.Event hungUp = stream.next(WAIT);

            assertEquals("call.started", started.name());
            assertEquals("call.started", started.data().get("type").asText());
            assertEquals("SIP/" + AGENT + "-" + uniqueid, started.data().get("channel").asText());
            assertEquals(AGENT, started.data().get("callerid_num").asText());
            assertEquals("9922323232", started.data().get("exten").asText());
            assertNotNull(started.data().get("time").asText());
            assertEquals("call.answered", answered.name());
            assertEquals(uniqueid, answered.data().get("uniqueid").asText());
            assertEquals("call.hangup", hungUp.name());
            assertEquals("16", hungUp.data().get("cause").asText());
            assertEquals("Normal Clearing", hungUp.data().get("cause_text").asText());
            assertTrue(started.number() < answered.number() && answered.number() < hungUp.number());
        }
    }

    @Test
    public void whenAgentPausedAndUnpausedThroughTheApi_thenBothStreamed() throws Exception {
        try (SseClient stream = connect(adminToken, "?types=agent.paused,agent.unpaused")) {
            assertEquals(200, admin.json("POST", "/pbxapi/agents/" + AGENT + "/pause",
                    "{\"queue\":\"281\",\"reason\":\"Breakfast\"}").status());
            SseClient.Event paused = stream.next(WAIT);
            assertEquals(200, admin.json("POST", "/pbxapi/agents/" + AGENT + "/unpause", "{\"queue\":\"281\"}")
                    .status());
            SseClient.Event unpaused = stream.next(WAIT);

            assertEquals("agent.paused", paused.name());
            assertEquals("281", paused.data().get("queue").asText());
            assertEquals(AGENT, paused.data().get("extension").asText());
            assertEquals("Breakfast", paused.data().get("reason").asText());
            // As Asterisk 12+ sends it: Interface and MemberName, not QueueStatus's Location and Name.
            assertEquals("SIP/" + AGENT, paused.data().get("interface").asText());
            assertTrue(paused.data().toString(), paused.data().hasNonNull("member_name"));
            assertEquals("agent.unpaused", unpaused.name());
            assertEquals(AGENT, unpaused.data().get("extension").asText());
        }
    }

    @Test
    public void whenConfigurationApplied_thenItIsStreamed() throws Exception {
        try (SseClient stream = connect(adminToken, "?types=config.applied")) {
            Http.Response written = admin.json("PUT", "/pbxapi/extensions/" + AGENT, "{\"name\":\"Agent B\"}");
            assertEquals(written.toString(), 200, written.status());

            SseClient.Event applied = stream.next(WAIT);

            assertEquals("config.applied", applied.name());
            assertEquals("success", applied.data().get("result").asText());
            assertEquals("ami-reload", applied.data().get("method").asText());
            assertTrue(applied.data().get("runs").asLong() >= 1);
        }
    }

    @Test
    public void whenTenantListens_thenItHearsOnlyOfItsOwnExtensions() throws Exception {
        String code = Logins.tenant(http, adminToken, 70_000, 79_999);
        String key = Logins.apiKey(http, adminToken, "{\"name\":\"events\",\"tenant\":\"" + code
                + "\",\"read_only\":true}");
        String own = Integer.toString(ThreadLocalRandom.current().nextInt(70_000, 79_999));
        Http writer = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\"" + code + "\"}"));
        Http.Response created = writer.json("PUT", "/pbxapi/extensions/" + own + "?reload=0", "{\"name\":\"Own\"}");
        assertTrue(created.toString(), created.status() < 300);

        // As a browser's EventSource must: the key in the query, no headers.
        try (SseClient tenant = SseClient.connect(port(), EVENTS + "?types=call.started&key=" + key, Map.of());
                SseClient all = connect(adminToken,
                "?types=call.started")) {
            String others = call(AGENT);
            String mine = call(own);

            SseClient.Event first = tenant.next(WAIT);
            assertEquals("the tenant's first event is its own call", mine, first.data().get("uniqueid").asText());
            List<SseClient.Event> seenByAdmin = new ArrayList<>();
            all.until(event -> isAbout(event, mine), WAIT, seenByAdmin);
            assertTrue(seenByAdmin.toString(), seenByAdmin.stream().anyMatch(event -> isAbout(event, others)));
        }
    }

    @Test
    public void whenTypesGiven_thenOnlyThoseStreamedAndUnknownTypesAre422() throws Exception {
        try (SseClient stream = connect(adminToken, "?types=call.hangup")) {
            String uniqueid = call(AGENT);
            SseClient.Event event = stream.next(WAIT);
            assertEquals("call.hangup", event.name());
            assertEquals(uniqueid, event.data().get("uniqueid").asText());
        }
        Http.Response unknown = admin.get(EVENTS + "?types=call.hangup,call.exploded");
        assertEquals(unknown.toString(), 422, unknown.status());
        ContainerIT.assertProblem(unknown, 422);
        assertEquals("types", unknown.json().get("errors").get(0).get("field").asText());
        Http.Response badId = admin.send("GET", EVENTS, null, Map.of("Last-Event-ID", "yesterday"));
        assertEquals(badId.toString(), 400, badId.status());
        ContainerIT.assertProblem(badId, 400);
    }

    @Test
    public void whenClientReconnectsWithLastEventId_thenItGetsWhatItMissed() throws Exception {
        SseClient.Event last;
        try (SseClient stream = connect(adminToken, "?types=call.started")) {
            String before = call(AGENT);
            last = stream.until(event -> isAbout(event, before), WAIT);
        }
        String missed1 = call(AGENT);
        String missed2 = call(AGENT);

        try (SseClient again = connect(adminToken, "?types=call.started", Map.of("Last-Event-ID", last.id()))) {
            SseClient.Event first = again.next(WAIT);
            SseClient.Event second = again.next(WAIT);
            assertEquals(missed1, first.data().get("uniqueid").asText());
            assertEquals(missed2, second.data().get("uniqueid").asText());
            assertTrue(first.number() > last.number());
        }
    }

    @Test
    public void whenClientIsSlow_thenNeitherAmiNorOtherClientsSlowed() throws Exception {
        try (Socket slow = new Socket(); SseClient quick = connect(adminToken, "?types=call.started")) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
            OutputStream out = slow.getOutputStream();
            out.write(("GET " + EVENTS + "?types=call.started HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + adminToken + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Enough to fill the slow client's socket buffers and then its backlog, in batches that the quick client
            // takes as they come: it must get each batch while the slow client is stuck.
            String padding = "x".repeat(4000);
            String end = null;
            for (int batch = 0; batch < 40; batch++) {
                for (int i = 0; i < 100; i++) {
                    end = "slow-" + batch + "-" + i;
                    server.emit("Newchannel", Map.of("Channel", "SIP/" + AGENT + "-" + end, "Uniqueid", end,
                            "CallerIDNum", AGENT, "CallerIDName", padding, "Exten", "1"));
                }
                String last = end;
                quick.until(event -> isAbout(event, last), WAIT);
            }

            long start = System.nanoTime();
            assertEquals(200, admin.get("/pbxapi/calls/count").status());
            assertTrue("AMI answers at once", System.nanoTime() - start < Duration.ofSeconds(1).toNanos());

            // Reading now lets the server's writes finish: it then ends the stream of the client it gave up on.
            slow.setSoTimeout((int) WAIT.toMillis());
            String received = readToEnd(slow.getInputStream());
            assertTrue("the slow client got events", received.contains("event: call.started"));
            assertFalse("the slow client was cut off before the end", received.contains("\"slow-39-99\""));
        }
    }

    @Test
    public void whenAmiReconnects_thenTheStreamSurvives() throws Exception {
        try (SseClient stream = connect(adminToken, "?types=call.started")) {
            int logins = server.loginCount();
            server.dropConnections();
            server.awaitLogins(logins + 1, WAIT);

            String after = call(AGENT);

            assertEquals(after, stream.until(event -> isAbout(event, after), WAIT).data().get("uniqueid").asText());
        }
    }

    @Test
    public void whenAmiIsDown_then503AtOnce() throws Exception {
        server.suspend();
        await("AMI is down", () -> admin.get("/pbxapi/calls/count").status() == 503);
        long start = System.nanoTime();
        try (SseClient refused = connect(adminToken, "")) {
            fail("the stream opened without AMI");
        } catch (SseClient.Refused e) {
            assertEquals(e.response.toString(), 503, e.response.status());
            assertNotNull(e.response.header("Retry-After"));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos());
        }
        server.resume();
        await("AMI is back", () -> admin.get("/pbxapi/calls/count").status() == 200);
    }

    @Test
    public void whenStreamRequestedWithoutCredentials_then401AndItIsDocumented() {
        assertTrue(http.get("/pbxapi/openapi.json").json().get("paths").has(EVENTS));
        Http.Response anonymous = http.get(EVENTS);
        assertEquals(401, anonymous.status());
        ContainerIT.assertProblem(anonymous, 401);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private SseClient connect(String credential, String query) throws IOException, InterruptedException {
        return connect(credential, query, Map.of());
    }

    private SseClient connect(String credential, String query, Map<String, String> headers) throws IOException,
            InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + credential);
        return SseClient.connect(port(), EVENTS + query, all);
    }

    /** A call from the extension's phone, as Asterisk reports it: started, answered, hung up. Its Uniqueid. */
    private static String call(String extension) {
        String uniqueid = "1700000000." + CHANNELS.incrementAndGet();
        String channel = "SIP/" + extension + "-" + uniqueid;
        Map<String, String> fields = Map.of("Channel", channel, "Uniqueid", uniqueid, "Linkedid", uniqueid,
                "CallerIDNum", extension, "CallerIDName", "Phone " + extension, "Context", "from-internal",
                "Exten", "9922323232");
        server.emit("Newchannel", with(fields, "ChannelState", "4", "ChannelStateDesc", "Ring"));
        server.emit("Newstate", with(fields, "ChannelState", "6", "ChannelStateDesc", "Up"));
        server.emit("Hangup", with(fields, "Cause", "16", "Cause-txt", "Normal Clearing"));
        return uniqueid;
    }

    private static Map<String, String> with(Map<String, String> fields, String... more) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    private static boolean isAbout(SseClient.Event event, String uniqueid) {
        return uniqueid.equals(event.data().path("uniqueid").asText());
    }

    /** Reads until the chunked response ends (its last, empty chunk): the server ended the stream. */
    private static String readToEnd(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[65536];
        String last = "\r\n0\r\n\r\n";
        for (int read; !(text.length() >= last.length() && text.substring(text.length() - last.length()).equals(last))
                && (read = in.read(buffer)) >= 0;) {
            text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }
}
