package org.dialplane.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.dialplane.core.db.Database;
import org.dialplane.launcher.Container;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /pbxapi/calls/{id}/recording} (MiRTA's INFO recording): CDR rows written straight into the CDR
 * database, WAV files under a spool of this class's own, and the download through HTTP: whole, by range, by
 * uniqueid and linkedid, in the older layouts; 404 for everything that is not a recording the caller may hear,
 * path escapes included. No AMI is configured: recordings do not need it.
 */
public class RecordingsIT extends DialplaneTestSupport {
    private static final LocalDateTime CALLDATE = LocalDateTime.of(2017, 11, 4, 13, 45, 16);
    private static final String DAY = "2017/11/04";
    /** Ids unique across the tests of this run, in Asterisk's uniqueid form. */
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000));

    private Http admin;
    private String adminToken;
    private Path monitor;

    /** Inside the home directory, which every run starts afresh. */
    private static final Path SPOOL = Path.of(System.getProperty("dialplane.test.work"), "RecordingsIT", "spool")
            .toAbsolutePath();

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", SPOOL.toString()));
        return composite(database("RecordingsIT"), Logins.adminPassword());
    }

    @Before
    public void loginAndMonitorFolder() throws IOException {
        await("the recording resource answers", () -> http.get(recording("1509806457.1")).status() == 401);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
        awaitAsteriskPath("spool", SPOOL);
        monitor = Files.createDirectories(SPOOL.resolve("monitor"));
    }

    @Test
    public void whenWholeRecordingAsked_then200WithTheFileAndAudioHeaders() throws Exception {
        String id = nextId();
        byte[] wav = wav(8000);
        String name = "out-402-9922323232-20171104-134516-" + id + ".wav";
        write(monitor.resolve(DAY).resolve(name), wav);
        insertCdr(id, id, "402", "9922323232", name, CALLDATE);

        Download whole = download(adminToken, "GET", recording(id), Map.of());

        assertEquals(whole.response().toString(), 200, whole.status());
        assertArrayEquals(wav, whole.bytes());
        assertEquals("audio/wav", whole.response().header("Content-Type"));
        assertEquals(Integer.toString(wav.length), whole.response().header("Content-Length"));
        assertEquals("bytes", whole.response().header("Accept-Ranges"));
        assertEquals("attachment; filename=\"" + name + "\"", whole.response().header("Content-Disposition"));
        assertNotNull(whole.response().header("Last-Modified"));

        Download head = download(adminToken, "HEAD", recording(id), Map.of());
        assertEquals(200, head.status());
        assertEquals(0, head.bytes().length);
        assertEquals(Integer.toString(wav.length), head.response().header("Content-Length"));
    }

    @Test
    public void whenRangeAsked_then206WithExactlyThoseBytes() throws Exception {
        String id = nextId();
        byte[] wav = wav(8000);
        write(monitor.resolve(DAY).resolve(id + ".wav"), wav);
        insertCdr(id, id, "402", "100", id + ".wav", CALLDATE);

        Download part = download(adminToken, "GET", recording(id), Map.of("Range", "bytes=10-19"));
        assertEquals(part.response().toString(), 206, part.status());
        assertEquals("bytes 10-19/" + wav.length, part.response().header("Content-Range"));
        assertEquals("10", part.response().header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(wav, 10, 20), part.bytes());

        Download suffix = download(adminToken, "GET", recording(id), Map.of("Range", "bytes=-100"));
        assertEquals(206, suffix.status());
        assertEquals("bytes " + (wav.length - 100) + "-" + (wav.length - 1) + "/" + wav.length,
                suffix.response().header("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(wav, wav.length - 100, wav.length), suffix.bytes());

        Download open = download(adminToken, "GET", recording(id), Map.of("Range", "bytes=16000-"));
        assertArrayEquals(Arrays.copyOfRange(wav, 16000, wav.length), open.bytes());

        Download past = download(adminToken, "GET", recording(id), Map.of("Range", "bytes=" + wav.length + "-"));
        assertEquals(416, past.status());
        ContainerIT.assertProblem(past.response(), 416);
        assertEquals("bytes */" + wav.length, past.response().header("Content-Range"));

        Download several = download(adminToken, "GET", recording(id), Map.of("Range", "bytes=0-1,5-6"));
        assertEquals(200, several.status());
        assertArrayEquals(wav, several.bytes());
    }

    @Test
    public void whenCallFoundByLinkedid_thenTheRowOfThatUniqueidFirstThenTheEarliest() throws Exception {
        String linkedid = nextId();
        String second = nextId();
        String third = nextId();
        write(monitor.resolve(DAY).resolve("first.wav"), bytes("first"));
        write(monitor.resolve(DAY).resolve("earlier.wav"), bytes("earlier"));
        write(monitor.resolve(DAY).resolve("later.wav"), bytes("later"));
        insertCdr(nextId(), linkedid, "402", "600", "", CALLDATE.minusSeconds(5));
        insertCdr(linkedid, linkedid, "402", "600", "first.wav", CALLDATE.plusSeconds(2));
        insertCdr(second, linkedid, "402", "403", "earlier.wav", CALLDATE);
        insertCdr(third, linkedid, "402", "404", "later.wav", CALLDATE.plusSeconds(1));

        assertEquals("first", text(download(adminToken, "GET", recording(linkedid), Map.of())));
        assertEquals("earlier", text(download(adminToken, "GET", recording(second), Map.of())));
        assertEquals("later", text(download(adminToken, "GET", recording(third), Map.of())));

        String otherCall = nextId();
        insertCdr(nextId(), otherCall, "402", "600", "", CALLDATE);
        insertCdr(nextId(), otherCall, "402", "403", "later.wav", CALLDATE.plusSeconds(3));
        insertCdr(nextId(), otherCall, "402", "404", "earlier.wav", CALLDATE.plusSeconds(1));
        assertEquals("earlier", text(download(adminToken, "GET", recording(otherCall), Map.of())));
    }

    @Test
    public void whenOlderLayoutUsed_thenAnAbsolutePathOrANameInMonitorIsServed() throws Exception {
        String absolute = nextId();
        Path file = write(monitor.resolve("2015/01/02/absolute-" + absolute + ".WAV"), bytes("wav49"));
        insertCdr(absolute, absolute, "402", "100", file.toString(), CALLDATE);
        Download byPath = download(adminToken, "GET", recording(absolute), Map.of());
        assertEquals(byPath.response().toString(), 200, byPath.status());
        assertEquals("wav49", text(byPath));
        assertEquals("audio/x-wav", byPath.response().header("Content-Type"));

        String flat = nextId();
        write(monitor.resolve("flat-" + flat + ".gsm"), bytes("gsm"));
        insertCdr(flat, flat, "402", "100", "flat-" + flat + ".gsm", CALLDATE);
        Download inMonitor = download(adminToken, "GET", recording(flat), Map.of());
        assertEquals("gsm", text(inMonitor));
        assertEquals("audio/x-gsm", inMonitor.response().header("Content-Type"));
    }

    @Test
    public void whenTheSpoolIsReconfiguredWhileRunning_thenRecordingsComeFromTheNewOne() throws Exception {
        Path other = SPOOL.resolveSibling("other-spool");
        String id = nextId();
        write(other.resolve("monitor").resolve(DAY).resolve(id + ".wav"), bytes("moved"));
        insertCdr(id, id, "402", "100", id + ".wav", CALLDATE);
        assertNotFound(id);
        try {
            configureAsteriskPaths(Map.of("spool", other.toString()));
            awaitAsteriskPath("spool", other);
            assertEquals("moved", text(download(adminToken, "GET", recording(id), Map.of())));
        } finally {
            configureAsteriskPaths(Map.of("spool", SPOOL.toString()));
            awaitAsteriskPath("spool", SPOOL);
        }
        assertNotFound(id);
    }

    @Test
    public void whenNoRecording_then404Problem() throws Exception {
        assertNotFound(nextId());

        String withoutFile = nextId();
        insertCdr(withoutFile, withoutFile, "402", "100", "", CALLDATE);
        assertNotFound(withoutFile);

        String missing = nextId();
        insertCdr(missing, missing, "402", "100", "gone-" + missing + ".wav", CALLDATE);
        assertNotFound(missing);

        String folder = nextId();
        Files.createDirectories(monitor.resolve(DAY).resolve(folder + ".wav"));
        insertCdr(folder, folder, "402", "100", folder + ".wav", CALLDATE);
        assertNotFound(folder);
    }

    @Test
    public void whenPathLeadsOutOfTheMonitorFolder_then404() throws Exception {
        Path spool = monitor.getParent();
        write(spool.resolve("secret.wav"), bytes("secret"));
        write(spool.resolve("outside/" + DAY + "/escape.wav"), bytes("secret"));
        for (String name : new String[] {"../../../etc/passwd", "../../../../../../../../../../etc/passwd",
                "../../../secret.wav", "../secret.wav", "../outside/" + DAY + "/escape.wav", "/etc/passwd",
                spool.resolve("secret.wav").toString(), monitor + "/../secret.wav"}) {
            String id = nextId();
            insertCdr(id, id, "402", "100", name, CALLDATE);
            assertNotFound(id);
        }
        String linked = nextId();
        Files.createDirectories(monitor.resolve(DAY));
        Files.createSymbolicLink(monitor.resolve(DAY).resolve(linked + ".wav"), spool.resolve("secret.wav"));
        insertCdr(linked, linked, "402", "100", linked + ".wav", CALLDATE);
        assertNotFound(linked);
    }

    @Test
    public void whenTenantDownloads_thenItHearsOnlyTheCallsOfItsExtensions() throws Exception {
        String code = Logins.tenant(http, adminToken, 70_000, 79_999);
        String key = Logins.apiKey(http, adminToken, "{\"name\":\"recordings\",\"tenant\":\"" + code + "\"}");
        String otherCode = Logins.tenant(http, adminToken, 80_000, 89_999);
        String otherKey = Logins.apiKey(http, adminToken, "{\"name\":\"other\",\"tenant\":\"" + otherCode + "\"}");
        String own = Integer.toString(ThreadLocalRandom.current().nextInt(70_000, 79_999));
        Http.Response created = http.bearer(key).json("PUT", "/pbxapi/extensions/" + own + "?reload=0",
                "{\"name\":\"Own\"}");
        assertTrue(created.toString(), created.status() < 300);

        String bySource = nextId();
        write(monitor.resolve(DAY).resolve(bySource + ".wav"), bytes("mine"));
        insertCdr(bySource, bySource, own, "9922323232", bySource + ".wav", CALLDATE);
        String byAccount = nextId();
        write(monitor.resolve(DAY).resolve(byAccount + ".wav"), bytes("account"));
        insertCdr(byAccount, byAccount, "5551234", "600", byAccount + ".wav", CALLDATE, own + "-" + code);
        String notMine = nextId();
        write(monitor.resolve(DAY).resolve(notMine + ".wav"), bytes("theirs"));
        insertCdr(notMine, notMine, "402", "403", notMine + ".wav", CALLDATE);

        assertEquals("mine", text(download(key, "GET", recording(bySource), Map.of())));
        assertEquals("account", text(download(key, "GET", recording(byAccount), Map.of())));
        Download theirs = download(key, "GET", recording(notMine), Map.of());
        assertEquals(404, theirs.status());
        ContainerIT.assertProblem(theirs.response(), 404);
        assertEquals(404, download(otherKey, "GET", recording(bySource), Map.of()).status());
        assertEquals(404, download(otherKey, "GET", recording(byAccount), Map.of()).status());
        assertEquals("theirs", text(download(adminToken, "GET", recording(notMine), Map.of())));
    }

    @Test
    public void whenIdIsBadOrCredentialsMissing_then400ProblemOr401() {
        for (String id : new String[] {"a%20b", "a,b", "x%3Bdrop", "%C3%A9t%C3%A9"}) {
            Http.Response bad = admin.get("/pbxapi/calls/" + id + "/recording");
            assertEquals(id + ": " + bad, 400, bad.status());
            ContainerIT.assertProblem(bad, 400);
        }
        // Jetty refuses ambiguous paths itself, before any servlet: a 400, but its own HTML page (not ours yet).
        for (String path : new String[] {"/pbxapi/calls/..%2F..%2Fetc%2Fpasswd/recording",
                "/pbxapi/calls/%2E%2E/recording", "/pbxapi/calls/a%00b/recording"}) {
            assertEquals(path, 400, admin.get(path).status());
        }
        assertEquals(401, http.get(recording("1509806457.1")).status());
    }

    @Test
    public void whenAmiIsDown_thenRecordingsAreServedAndDocumented() throws Exception {
        String id = nextId();
        write(monitor.resolve(DAY).resolve(id + ".mp3"), bytes("mp3"));
        insertCdr(id, id, "402", "100", id + ".mp3", CALLDATE);
        assertEquals(503, admin.get("/pbxapi/calls/count").status());
        Download found = download(adminToken, "GET", recording(id), Map.of());
        assertEquals(200, found.status());
        assertEquals("audio/mpeg", found.response().header("Content-Type"));

        JsonNode operation = http.get("/pbxapi/openapi.json").json().get("paths").get("/pbxapi/calls/{id}/recording");
        assertNotNull(operation);
        assertTrue(operation.toString(), operation.toString().contains("audio/wav"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String recording(String id) {
        return "/pbxapi/calls/" + id + "/recording";
    }

    private static String nextId() {
        return "1509806457." + NEXT.incrementAndGet();
    }

    private void assertNotFound(String id) throws Exception {
        Download answer = download(adminToken, "GET", recording(id), Map.of());
        assertEquals(id + ": " + answer.response(), 404, answer.status());
        ContainerIT.assertProblem(answer.response(), 404);
    }

    private void insertCdr(String uniqueid, String linkedid, String src, String dst, String recordingfile,
            LocalDateTime calldate) throws SQLException {
        insertCdr(uniqueid, linkedid, src, dst, recordingfile, calldate, "");
    }

    /** One CDR as Asterisk's cdr_mysql writes it for a call leg. */
    private void insertCdr(String uniqueid, String linkedid, String src, String dst, String recordingfile,
            LocalDateTime calldate, String accountcode) throws SQLException {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        assertNotNull("the Database service is registered", ref);
        try (Connection connection = context.getService(ref).cdr().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO cdr (calldate, clid, src, dst,"
                        + " dcontext, channel, disposition, accountcode, uniqueid, linkedid, recordingfile, cnum)"
                        + " VALUES (?, ?, ?, ?, 'from-internal', ?, 'ANSWERED', ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.valueOf(calldate));
            insert.setString(2, "\"Caller\" <" + src + ">");
            insert.setString(3, src);
            insert.setString(4, dst);
            insert.setString(5, "SIP/trunk-" + uniqueid);
            insert.setString(6, accountcode);
            insert.setString(7, uniqueid);
            insert.setString(8, linkedid);
            insert.setString(9, recordingfile);
            insert.setString(10, src);
            insert.executeUpdate();
        } finally {
            context.ungetService(ref);
        }
    }

    private static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(Download download) {
        assertEquals(download.response().toString(), 200, download.status());
        return new String(download.bytes(), StandardCharsets.US_ASCII);
    }

    /** A real WAV, as Asterisk's MixMonitor writes one: 8 kHz, 16-bit mono PCM, a 440 Hz tone. */
    private static byte[] wav(int samples) {
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(bytes("RIFF")).putInt(36 + samples * 2).put(bytes("WAVE"));
        wav.put(bytes("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.put(bytes("data")).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return wav.array();
    }

    /** A response with its body as bytes: {@link Http} reads bodies as text, which a WAV is not. */
    private record Download(Http.Response response, byte[] bytes) {
        int status() {
            return response.status();
        }
    }

    private Download download(String credential, String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        int port = Integer.parseInt(context.getProperty(Container.HTTP_PORT_PROPERTY));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + credential);
        headers.forEach(request::header);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(new Http.Response(response.statusCode(), response.headers().map(),
                new String(response.body(), StandardCharsets.UTF_8)), response.body());
    }
}
