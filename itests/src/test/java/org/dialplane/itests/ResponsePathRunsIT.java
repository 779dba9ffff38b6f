package org.dialplane.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dialplane.core.db.Database;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The recorded runs of response paths, driven through the fake AMI over TCP with the events of real calls (the
 * path's UserEvents, QueueCallerJoin, AgentConnect, Hangup): two calls interleaved and one hung up before any
 * input; the runs page, GETLAST with and without filters in all three forms, the voice file, tenants, and
 * {@code response_path.completed} on {@code /pbxapi/events}.
 */
public class ResponsePathRunsIT extends DialplaneTestSupport {
    private static final String PATHS = ResponsePathsIT.PATHS;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SPOOL = Path.of(System.getProperty("dialplane.test.work"), "ResponsePathRunsIT-spool")
            .toAbsolutePath();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static FakeAmiServer server;

    private String adminToken;
    private Http admin;

    @Override
    protected Option options() {
        try {
            Files.createDirectories(SPOOL);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        configureAsteriskPaths(Map.of("spool", SPOOL.toString()));
        return composite(database("ResponsePathRunsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void fakeAmiRuns() throws IOException {
        server = AmiPeers.of(this);
        await("the response paths resource answers", () -> http.get(PATHS).status() == 401);
        awaitAsteriskPath("spool", SPOOL);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
    }

    @Test
    public void whenCallsRunThePath_thenEachRunIsRecordedAndGetLastAnswersInEveryForm() throws Exception {
        Tenant tenant = tenant(40_000);
        String agent = ResponsePathsIT.extension(tenant.writer, 40_100, 40_199);
        String other = ResponsePathsIT.extension(tenant.writer, 40_200, 40_299);
        queue("281", "supportQ");
        String path = ResponsePathsIT.create(tenant.writer, "{\"name\":\"Support\",\"variables\":[{\"name\":"
                + "\"ClientID\"},{\"name\":\"OrderNumber\"}],\"voicefile\":true,\"destination\":{\"type\":"
                + "\"extension\",\"id\":\"" + agent + "\"}}");
        JsonNode variables = tenant.writer.get(PATHS + "/" + path).json().get("results").get(0).get("variables");
        String clientId = variables.get(0).get("id").asText();
        String orderId = variables.get(1).get("id").asText();

        try (SseClient events = completedEvents(tenant.readKey)) {
            String a = uniqueid();
            String b = uniqueid();
            String c = uniqueid();
            // Two calls interleaved, as Asterisk reports them, then a third hung up before entering anything.
            step(a, path, "START", "0", "2017-11-04 15:41:01");
            step(b, path, "START", "0", "2017-11-04 15:41:03");
            step(a, path, "CALLERID", "0", "Susan <1132555678>");
            step(b, path, "CALLERID", "0", "Manuel <7171345678>");
            step(a, path, "VARIABLE", clientId, "36985");
            step(b, path, "VARIABLE", clientId, "1234");
            step(a, path, "VARIABLE", orderId, "56896");
            step(b, path, "VARIABLE", orderId, "11223344");
            step(b, path, "VOICEFILE", "0", b + ".wav");
            server.emit("Hangup", Map.of("Uniqueid", "9999.1", "Channel", "SIP/1-1", "Cause", "16"));
            server.emit("QueueCallerJoin", Map.of("Uniqueid", a, "Channel", "SIP/trunk-" + a, "Queue", "281",
                    "Position", "1", "Count", "1"));
            server.emit("QueueCallerJoin", Map.of("Uniqueid", b, "Channel", "SIP/trunk-" + b, "Queue", "281",
                    "Position", "2", "Count", "2"));
            server.emit("AgentConnect", Map.of("Uniqueid", a, "Channel", "SIP/trunk-" + a, "Queue", "281",
                    "Interface", "Local/" + agent + "@from-queue/n", "MemberName", "Bob", "HoldTime", "3"));
            server.emit("AgentConnect", Map.of("Uniqueid", b, "Channel", "SIP/trunk-" + b, "Queue", "281",
                    "Interface", "SIP/" + other, "MemberName", "Ann", "HoldTime", "9"));
            hangup(a);
            hangup(b);
            step(c, path, "START", "0", "2017-11-04 15:42:00");
            step(c, path, "CALLERID", "0", "Anonymous <>");
            hangup(c);

            await("three runs, all ended", () -> {
                JsonNode runs = tenant.reader.get(PATHS + "/" + path + "/runs").json().get("results");
                return runs != null && runs.size() == 3 && runs.findValues("ended").stream().noneMatch(JsonNode::isNull);
            });
            JsonNode runs = tenant.reader.get(PATHS + "/" + path + "/runs?limit=2&direction=desc").json();
            assertEquals(3, runs.get("total").asInt());
            assertEquals(c, runs.get("results").get(0).get("uniqueid").asText());
            assertEquals(3, runs.get("results").get(0).get("steps").size());

            // The pipe form, split as a client does: A's run, the seed's table line by line.
            String pipe = tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=ANSWER&filterdata=" + agent
                    + "-" + tenant.code + "&format=pipe").body();
            String[] lines = pipe.split("\n");
            assertEquals("UniqueID|Type|Type ID|Value|Type Name|Value Name", lines[0]);
            assertArrayEquals(new String[] {a, "START", "0", "2017-11-04 15:41:01", "", ""}, cells(lines[1]));
            assertArrayEquals(new String[] {a, "CALLERID", "0", "Susan <1132555678>", "", ""}, cells(lines[2]));
            assertArrayEquals(new String[] {a, "VARIABLE", clientId, "36985", "ClientID", ""}, cells(lines[3]));
            assertArrayEquals(new String[] {a, "VARIABLE", orderId, "56896", "OrderNumber", ""}, cells(lines[4]));
            assertArrayEquals(new String[] {a, "QUEUE", "281", "", "supportQ", ""}, cells(lines[5]));
            assertArrayEquals(new String[] {a, "ANSWER", "0", agent + "-" + tenant.code, "", "Bob"}, cells(lines[6]));
            assertArrayEquals(new String[] {a, "HANGUP", "0", "", "", ""}, cells(lines[7]));
            assertEquals(8, lines.length);

            // The XML form: B's run, answered by the other agent, with its voice file.
            Http.Response xmlAnswer = tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=answer&filterdata="
                    + other + "-" + tenant.code + "&format=xml");
            assertTrue(xmlAnswer.header("content-type"), xmlAnswer.header("content-type").startsWith("application/xml"));
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xmlAnswer.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(other + "-" + tenant.code, text(xml, "Agent"));
            assertEquals("NOT ACTIVE", text(xml, "Status"));
            assertEquals("supportQ", text(xml, "Queue"));
            assertEquals("1234", text(xml, "ClientID"));
            assertEquals("11223344", text(xml, "OrderNumber"));
            assertEquals("Manuel <7171345678>", text(xml, "Caller"));
            String voiceFile = text(xml, "VoiceFile");

            // The JSON form, unfiltered: the newest run, C, hung up before any input.
            JsonNode last = tenant.reader.get(PATHS + "/" + path + "/runs/last").json().get("results").get(0);
            assertEquals(c, last.get("uniqueid").asText());
            assertEquals(List.of("START", "CALLERID", "HANGUP"), types(last.get("steps")));
            assertEquals("", last.get("variables").get("ClientID").asText());
            assertEquals(b, tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=VARIABLE&filterdata=1234")
                    .json().get("results").get(0).get("uniqueid").asText());
            assertEquals(404, tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=ANSWER&filterdata=1-x")
                    .status());
            assertEquals(400, tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=EXPLODE").status());

            // The voice file of B's run: whole, then a range.
            byte[] audio = "RIFF....WAVEfmt fake audio".getBytes(StandardCharsets.US_ASCII);
            Files.createDirectories(SPOOL.resolve("responsepaths").resolve(path));
            Files.write(SPOOL.resolve("responsepaths").resolve(path).resolve(b + ".wav"), audio);
            Http.Response whole = tenant.reader.get(PATHS + "/" + path + "/voicefiles/" + voiceFile);
            assertEquals(whole.toString(), 200, whole.status());
            assertEquals(new String(audio, StandardCharsets.US_ASCII), whole.body());
            Http.Response part = tenant.reader.send("GET", PATHS + "/" + path + "/voicefiles/" + voiceFile, null,
                    Map.of("Range", "bytes=0-3"));
            assertEquals(206, part.status());
            assertEquals("RIFF", part.body());
            String runOfA = tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=ANSWER&filterdata=" + agent
                    + "-" + tenant.code).json().get("results").get(0).get("id").asText();
            assertEquals(404, tenant.reader.get(PATHS + "/" + path + "/voicefiles/" + runOfA).status());

            // Each run that ended was announced once, to the path's tenant.
            List<String> announced = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseClient.Event event = events.next(WAIT);
                assertEquals("response_path.completed", event.name());
                assertEquals(path, event.data().get("path_id").asText());
                announced.add(event.data().get("uniqueid").asText());
                if (a.equals(event.data().get("uniqueid").asText())) {
                    assertEquals(agent + "-" + tenant.code, event.data().get("agent").asText());
                    assertEquals("36985", event.data().get("variables").get("ClientID").asText());
                }
            }
            assertEquals(List.of(a, b, c), announced);
        }
    }

    @Test
    public void whenVoiceFileNamesAPathOutside_thenNothingIsServed() throws Exception {
        Tenant tenant = tenant(41_000);
        String agent = ResponsePathsIT.extension(tenant.writer, 41_100, 41_199);
        String path = ResponsePathsIT.create(tenant.writer, "{\"name\":\"Sneaky\",\"voicefile\":true,"
                + "\"destination\":{\"type\":\"extension\",\"id\":\"" + agent + "\"}}");
        Files.writeString(SPOOL.resolve("secret.wav"), "secret");
        String call = uniqueid();
        step(call, path, "START", "0", "now");
        step(call, path, "VOICEFILE", "0", "../../secret.wav");
        hangup(call);
        await("the run ended", () -> tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=HANGUP").status()
                == 200);
        String run = tenant.reader.get(PATHS + "/" + path + "/runs/last").json().get("results").get(0).get("voicefile")
                .asText();

        assertEquals(404, tenant.reader.get(PATHS + "/" + path + "/voicefiles/" + run).status());
        assertEquals(400, tenant.reader.get(PATHS + "/" + path + "/voicefiles/..%2F1").status());
        Tenant stranger = tenant(42_000);
        assertEquals(404, stranger.reader.get(PATHS + "/" + path + "/runs/last").status());
        assertEquals(404, stranger.reader.get(PATHS + "/" + path + "/voicefiles/" + run).status());
    }

    @Test
    public void whenTheSameEventsAreHeardTwice_thenTheRunIsRecordedOnce() {
        Tenant tenant = tenant(43_000);
        String agent = ResponsePathsIT.extension(tenant.writer, 43_100, 43_199);
        String path = ResponsePathsIT.create(tenant.writer, "{\"name\":\"Twice\",\"variables\":[{\"name\":\"Pin\"}],"
                + "\"destination\":{\"type\":\"extension\",\"id\":\"" + agent + "\"}}");
        String pin = tenant.writer.get(PATHS + "/" + path).json().get("results").get(0).get("variables").get(0)
                .get("id").asText();
        String call = uniqueid();
        for (int i = 0; i < 2; i++) {
            step(call, path, "START", "0", "2020-01-01 00:00:00");
            step(call, path, "VARIABLE", pin, "4321");
        }
        hangup(call);
        hangup(call);

        await("the run ended", () -> tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=HANGUP").status()
                == 200);
        JsonNode runs = tenant.reader.get(PATHS + "/" + path + "/runs").json().get("results");
        assertEquals(1, runs.size());
        assertEquals(List.of("START", "VARIABLE", "HANGUP"), types(runs.get(0).get("steps")));
    }

    @Test
    public void whenEventsBundleIsStopped_thenRunsAreStillRecorded() throws Exception {
        Tenant tenant = tenant(44_000);
        String agent = ResponsePathsIT.extension(tenant.writer, 44_100, 44_199);
        String path = ResponsePathsIT.create(tenant.writer, "{\"name\":\"Quiet\",\"destination\":{\"type\":"
                + "\"extension\",\"id\":\"" + agent + "\"}}");
        Bundle events = bundle("org.dialplane.events");
        events.stop();
        try {
            String call = uniqueid();
            step(call, path, "START", "0", "2020-01-01 00:00:00");
            hangup(call);
            await("the run ended without the events bundle", () -> tenant.reader.get(PATHS + "/" + path
                    + "/runs/last?filter=HANGUP").status() == 200);
        } finally {
            events.start();
        }
        // Back, the events bundle knows the type again and hears of the next run.
        try (SseClient stream = completedEvents(tenant.readKey)) {
            String call = uniqueid();
            step(call, path, "START", "0", "2020-01-01 00:00:01");
            hangup(call);
            assertEquals(call, stream.next(WAIT).data().get("uniqueid").asText());
        }
    }

    @Test
    public void whenRetentionIsConfigured_thenOlderRunsAndTheirVoiceFilesArePurged() throws Exception {
        Tenant tenant = tenant(45_000);
        String agent = ResponsePathsIT.extension(tenant.writer, 45_100, 45_199);
        String path = ResponsePathsIT.create(tenant.writer, "{\"name\":\"Old\",\"voicefile\":true,"
                + "\"destination\":{\"type\":\"extension\",\"id\":\"" + agent + "\"}}");
        String recent = uniqueid();
        step(recent, path, "START", "0", "now");
        hangup(recent);
        await("the recent run ended", () -> tenant.reader.get(PATHS + "/" + path + "/runs/last?filter=HANGUP")
                .status() == 200);
        String old = uniqueid();
        sql("INSERT INTO dp_responsepath_runs (path_id, tenant_id, uniqueid, started_at, ended_at) SELECT id,"
                + " tenant_id, ?, NOW() - INTERVAL 40 DAY, NOW() - INTERVAL 40 DAY FROM dp_responsepath_paths"
                + " WHERE id = ?", old, path);
        sql("INSERT INTO dp_responsepath_steps (run_id, seq, type, type_id, value, recorded_at) SELECT id, 1,"
                + " 'VOICEFILE', id, ?, NOW() FROM dp_responsepath_runs WHERE uniqueid = ?", old + ".wav", old);
        Path voice = SPOOL.resolve("responsepaths").resolve(path).resolve(old + ".wav");
        Files.createDirectories(voice.getParent());
        Files.writeString(voice, "old message");
        assertEquals(2, tenant.reader.get(PATHS + "/" + path + "/runs").json().get("results").size());

        // As an operator would: etc/org.dialplane.responsepaths.cfg; the recorder restarts with it and purges.
        Path deploy = Path.of(System.getProperty("dialplane.test.work")).resolve(getClass().getSimpleName())
                .resolve("deploy");
        Path temporary = Files.writeString(deploy.resolveSibling("responsepaths.cfg.tmp"), "retention.days = 30\n");
        Files.move(temporary, deploy.resolve("org.dialplane.responsepaths.cfg"), StandardCopyOption.ATOMIC_MOVE);

        await("the old run is purged", () -> tenant.reader.get(PATHS + "/" + path + "/runs").json().get("results")
                .size() == 1);
        assertEquals(recent, tenant.reader.get(PATHS + "/" + path + "/runs").json().get("results").get(0)
                .get("uniqueid").asText());
        await("its voice file is deleted", () -> !Files.exists(voice));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private record Tenant(String code, Http writer, Http reader, String readKey) {
    }

    private Tenant tenant(int start) {
        String code = Logins.tenant(http, adminToken, start, start + 999);
        String readKey = Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"tenant\":\"" + code
                + "\",\"read_only\":true}");
        Http writer = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\"" + code + "\"}"));
        return new Tenant(code, writer, http.bearer(readKey), readKey);
    }

    private static String uniqueid() {
        return "srv02-1509806457." + CALLS.incrementAndGet();
    }

    /** The path's dialplan's {@code UserEvent(ResponsePath,...)} on the caller's channel. */
    private static void step(String uniqueid, String path, String step, String typeId, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserEvent", "ResponsePath");
        fields.put("Channel", "SIP/trunk-" + uniqueid);
        fields.put("Uniqueid", uniqueid);
        fields.put("Path", path);
        fields.put("Step", step);
        fields.put("TypeId", typeId);
        fields.put("Value", value);
        server.emit("UserEvent", fields);
    }

    private static void hangup(String uniqueid) {
        server.emit("Hangup", Map.of("Uniqueid", uniqueid, "Channel", "SIP/trunk-" + uniqueid, "Cause", "16",
                "Cause-txt", "Normal Clearing"));
    }

    /**
     * A stream of {@code response_path.completed}, once the type is known: the events bundle learns it when this
     * bundle's EventSource registers, which may come just after the APIs answer.
     */
    private SseClient completedEvents(String key) throws Exception {
        SseClient[] stream = new SseClient[1];
        await("response_path.completed is an event type", () -> {
            try {
                stream[0] = SseClient.connect(port(), "/pbxapi/events?types=response_path.completed&key=" + key,
                        Map.of());
                return true;
            } catch (SseClient.Refused refused) {
                // 422 until the type is known again; 404 or 503 while the events bundle's resource comes back.
                int status = refused.response.status();
                assertTrue(refused.response.toString(), status == 422 || status == 404 || status == 503);
                return false;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return stream[0];
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private void sql(String sql, String... parameters) throws Exception {
        try (Connection connection = context.getService(context.getServiceReference(Database.class)).pbx()
                .getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** A queue as IssabelPBX stores it, for the name GETLAST shows. */
    private void queue(String number, String name) throws Exception {
        sql("REPLACE INTO queues_config (extension, descr) VALUES (?, ?)", number, name);
    }

    private static String[] cells(String line) {
        return line.split("\\|", -1);
    }

    private static List<String> types(JsonNode steps) {
        List<String> types = new java.util.ArrayList<>();
        steps.forEach(step -> types.add(step.get("type").asText()));
        return types;
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagName(element).item(0).getTextContent();
    }
}
