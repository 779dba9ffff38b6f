package org.dialplane.itests;

import static org.dialplane.itests.Mirta.SEED;
import static org.dialplane.itests.MirtaRecords.cells;
import static org.dialplane.itests.MirtaRecords.row;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MiRTA facade's reads of records: seed 004's INFO CDRS and QUEUELOGS (CSV, tenant and admin format), VOICEMAIL
 * list/messages/message, RESPONSEPATH GETLAST (pipe, filtered, XML) and MEDIAFILE GETAUDIO (a response path's voice
 * file), literally (only the host and the key changed), against CDR and queue log rows, a voicemail spool, response
 * path runs made through the fake AMI, and compared field by field with what {@code /pbxapi} answers for the same.
 * Tenant DEVEL has extensions 102, 104, 105 and 402 and queue 281; response path 19's run 3619 has the voice file.
 */
public class MirtaRecordsIT extends DialplaneTestSupport {
    private static final Path WORK = Path.of(System.getProperty("dialplane.test.work"), "MirtaRecordsIT")
            .toAbsolutePath();
    private static final Path SPOOL = WORK.resolve("spool");
    private static final Path ETC = WORK.resolve("etc");
    private static FakeAmiServer server;
    private static String globalKey;
    private static String develKey;
    private static String develReadOnlyKey;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", SPOOL.toString(), "etc", ETC.toString(), "sounds",
                WORK.resolve("sounds").toString()));
        return composite(database("MirtaRecordsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void develWithRecords() throws Exception {
        server = AmiPeers.of(this);
        if (!Files.exists(ETC.resolve("voicemail.conf"))) {
            Files.createDirectories(ETC);
            Files.writeString(ETC.resolve("voicemail.conf"), VoicemailIT.ISSABEL_CONF);
        }
        awaitAsteriskPath("etc", ETC);
        awaitAsteriskPath("spool", SPOOL);
        awaitAsteriskPath("sounds", WORK.resolve("sounds"));
        String admin = Logins.adminToken(http);
        await("AMI is connected", () -> http.bearer(admin).get("/pbxapi/calls/count").status() == 200);
        await("the facade answers", () -> http.get("/pbx/proxyapi.php?reqtype=HELP").status() == 401);
        if (globalKey != null) {
            return;
        }
        Http.Response devel = http.send("POST", "/pbxapi/tenants", "{\"code\":\"DEVEL\",\"name\":\"Development\","
                + "\"range_start\":100,\"range_end\":499}", Logins.jsonWithBearer(admin));
        assertEquals(devel.toString(), 201, devel.status());
        globalKey = Logins.apiKey(http, admin, "{\"name\":\"seed\"}");
        develKey = Logins.apiKey(http, admin, "{\"name\":\"devel\",\"tenant\":\"DEVEL\"}");
        develReadOnlyKey = Logins.apiKey(http, admin,
                "{\"name\":\"devel-ro\",\"tenant\":\"DEVEL\",\"read_only\":true}");
        for (String extension : List.of("102", "104", "105", "402")) {
            Http.Response created = http.bearer(develKey).json("PUT", "/pbxapi/extensions/" + extension
                    + "?reload=0", "{\"name\":\"Ext " + extension + "\"}");
            assertTrue(created.toString(), created.status() < 300);
        }
        CdrTables tables = new CdrTables(context);
        tables.execute(false, "INSERT INTO queues_config (extension, descr) VALUES ('281', 'supportQ')");
        tables.execute(false, "INSERT INTO dp_tenant_objects (kind, object_id, tenant_id)"
                + " SELECT 'queue', '281', id FROM dp_tenants WHERE code = 'DEVEL'");
        MirtaRecords.cdr(tables, "2017-01-10 09:00:00", "402", "9922323232", "D1", "402-DEVEL");
        MirtaRecords.cdr(tables, "2017-01-20 10:00:00", "999", "100", "O1", "");
        MirtaRecords.cdr(tables, "2017-02-01 00:00:00", "402", "100", "D2", "402-DEVEL");
        MirtaRecords.queueLog(tables, "2017-10-05 09:00:00", "Q1", "281", "NONE", "ENTERQUEUE");
        MirtaRecords.queueLog(tables, "2017-10-05 09:00:05", "Q1", "281", "Local/104@from-queue/n", "CONNECT");
        MirtaRecords.queueLog(tables, "2017-10-06 09:00:00", "Q2", "600", "NONE", "ENTERQUEUE");
    }

    @Test
    public void whenSeedCdrUrls_thenTheTenantsCsvAndEveryTenantsInTheAdminFormat() throws Exception {
        String tenantUrl = SEED + "&reqtype=INFO&info=CDRS&format=csv&tenant=DEVEL&start=2017-01-01&end=2017-02-01";
        Http.Response tenant = Mirta.get(http, tenantUrl, globalKey);
        assertEquals(tenant.toString(), 200, tenant.status());
        assertTrue(tenant.header("content-type"), tenant.header("content-type").startsWith("text/csv"));
        assertEquals("attachment; filename=\"cdrs-DEVEL-2017-01-01-2017-02-01.csv\"",
                tenant.header("content-disposition"));
        List<List<String>> rows = CdrTables.csv(tenant.body());
        List<List<String>> rest = CdrTables.csv(http.bearer(develKey).get("/pbxapi/cdrs?start=2017-01-01"
                + "&end=2017-02-01&format=csv").body());
        assertEquals(rest, rows);
        assertFalse(rows.get(0).toString(), rows.get(0).contains("tenant"));
        assertEquals(2, rows.size()); // D1 only: O1 is nobody's, D2 is at the (excluded) end
        Map<String, String> d1 = row(rows, 1);
        assertEquals("D1", d1.get("uniqueid"));
        assertEquals("402", d1.get("src"));
        assertEquals("9922323232", d1.get("dst"));
        assertEquals("402-DEVEL", d1.get("accountcode"));
        assertEquals("ANSWERED", d1.get("disposition"));
        // The same URL with a tenant key, read-only or not.
        assertEquals(rows, CdrTables.csv(Mirta.get(http, tenantUrl, develReadOnlyKey).body()));

        String allUrl = SEED + "&reqtype=INFO&info=CDRS&format=csv&tenant=%&start=2017-01-01&end=2017-02-01";
        Http.Response all = raw(allUrl, globalKey);
        assertEquals(all.toString(), 200, all.status());
        assertEquals("attachment; filename=\"cdrs-all-2017-01-01-2017-02-01.csv\"", all.header("content-disposition"));
        List<List<String>> admin = CdrTables.csv(all.body());
        assertEquals(CdrTables.csv(http.bearer(globalKey).get("/pbxapi/cdrs?start=2017-01-01&end=2017-02-01"
                + "&tenant=%25&format=csv").body()), admin);
        assertEquals("tenant", admin.get(0).get(0));
        assertEquals(3, admin.size());
        assertEquals(List.of("DEVEL", "D1"), List.of(row(admin, 1).get("tenant"), row(admin, 1).get("uniqueid")));
        assertEquals(List.of("", "O1"), List.of(row(admin, 2).get("tenant"), row(admin, 2).get("uniqueid")));
        // Every tenant is the admin's: a tenant's key asking for it is refused, MiRTA's way.
        assertTrue(Mirta.error(raw(allUrl, develKey), 403).contains("DEVEL"));
        Mirta.error(Mirta.get(http, tenantUrl.replace("format=csv", "format=pdf"), globalKey), 400);
        Mirta.error(Mirta.get(http, tenantUrl.replace("start=2017-01-01", "start=yesterday"), globalKey), 400);
    }

    @Test
    public void whenSeedQueueLogUrl_thenTheLogOfTheTenantsQueues() throws Exception {
        Http.Response log = Mirta.get(http, SEED + "&reqtype=INFO&info=QUEUELOGS&format=csv&tenant=DEVEL"
                + "&start=2017-10-01&end=2017-12-01", develKey);
        assertEquals(log.toString(), 200, log.status());
        List<List<String>> rows = CdrTables.csv(log.body());
        assertEquals(CdrTables.csv(http.bearer(develKey).get("/pbxapi/queuelogs?start=2017-10-01&end=2017-12-01"
                + "&format=csv").body()), rows);
        assertEquals(3, rows.size()); // Q1's two rows; queue 600 is the default tenant's
        assertEquals(List.of("Q1", "281", "NONE", "ENTERQUEUE"), List.of(row(rows, 1).get("callid"),
                row(rows, 1).get("queuename"), row(rows, 1).get("agent"), row(rows, 1).get("event")));
        assertEquals("Local/104@from-queue/n", row(rows, 2).get("agent"));
        assertEquals("CONNECT", row(rows, 2).get("event"));
    }

    @Test
    public void whenSeedVoicemailUrls_thenMailboxesMessagesAndTheAudio() throws Exception {
        Http.Response box = http.bearer(develKey).json("POST", "/pbxapi/voicemail?reload=0",
                "{\"mailbox\":\"102\",\"pin\":\"1234\",\"name\":\"Ext 102\"}");
        assertEquals(box.toString(), 201, box.status());
        Path mailbox = SPOOL.resolve("voicemail/default/102");
        byte[] wav = "RIFF....WAVEfmt voicemail 4".getBytes(StandardCharsets.US_ASCII);
        AppVoicemail.leave(mailbox, "INBOX", "1475685700-00000003", "\"Ann\" <5551003>", 1475685700L, 5,
                Map.of("wav", "RIFF 3".getBytes(StandardCharsets.US_ASCII)));
        AppVoicemail.leave(mailbox, "INBOX", "1475685709-00000004", "\"Bob Smith\" <5551004>", 1475685709L, 12,
                Map.of("wav", wav, "gsm", new byte[] { 1, 2 }));
        AppVoicemail.leave(mailbox, "Old", "1475685600-00000001", "5551001", 1475685600L, 3, Map.of());

        JsonNode list = Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&action=list", globalKey).json();
        assertEquals(list.toString(), 1, list.size());
        assertEquals("{\"mailbox\":\"102\",\"context\":\"default\",\"new\":\"2\",\"old\":\"1\",\"urgent\":\"0\"}",
                list.get(0).toString());

        JsonNode messages = Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&mailbox=102&action=messages",
                develReadOnlyKey).json();
        JsonNode rest = http.bearer(develKey).get("/pbxapi/voicemail/102/messages").json().get("results");
        assertEquals(3, messages.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(rest.get(i).get("id").asText(), messages.get(i).get("msgid").asText());
            assertEquals(rest.get(i).get("folder").asText(), messages.get(i).get("folder").asText());
            assertEquals(rest.get(i).get("time").asText(), messages.get(i).get("time").asText());
        }
        JsonNode bob = messages.get(1);
        assertEquals("1475685709-00000004", bob.get("msgid").asText());
        assertEquals("INBOX", bob.get("folder").asText());
        assertEquals("Bob Smith", bob.get("callerid_name").asText());
        assertEquals("5551004", bob.get("callerid_num").asText());
        assertEquals("12", bob.get("duration").asText());
        assertEquals("wav,gsm", bob.get("formats").asText());

        HttpResponse<byte[]> audio = bytes(SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&mailbox=102&action=message"
                + "&msgid=1475685709-00000004", develKey);
        assertEquals(200, audio.statusCode());
        assertArrayEquals(wav, audio.body());
        assertEquals("audio/wav", audio.headers().firstValue("content-type").orElse(""));
        // Another tenant's mailbox is not found; an unknown message neither; a malformed id is a 400.
        Mirta.error(Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=default&mailbox=102&action=messages",
                globalKey), 404);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&mailbox=102&action=message"
                + "&msgid=1475685709-0000ffff", develKey), 404);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&mailbox=102&action=message"
                + "&msgid=../../x", develKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&action=delete", develKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&action=messages", develKey), 400);
    }

    @Test
    public void whenSeedResponsePathUrls_thenGetLastInPipeAndXmlAndTheVoiceFile() throws Exception {
        new CdrTables(context).execute(false, "ALTER TABLE dp_responsepath_paths AUTO_INCREMENT = 19");
        new CdrTables(context).execute(false, "ALTER TABLE dp_responsepath_runs AUTO_INCREMENT = 3618");
        String path = ResponsePathsIT.create(http.bearer(develKey), "{\"name\":\"Support\",\"variables\":[{\"name\":"
                + "\"ClientID\"},{\"name\":\"OrderNumber\"}],\"voicefile\":true,\"destination\":{\"type\":"
                + "\"queue\",\"id\":\"281\"}}");
        assertEquals("19", path);
        JsonNode variables = http.bearer(develKey).get("/pbxapi/responsepaths/19").json().get("results").get(0)
                .get("variables");
        String clientId = variables.get(0).get("id").asText();
        String orderId = variables.get(1).get("id").asText();
        String a = "srv02-1509806457.625";
        String b = "srv02-1509806457.626";
        MirtaRecords.step(server, a, "START", "0", "2017-11-04 15:41:01");
        MirtaRecords.step(server, b, "START", "0", "2017-11-04 15:41:03");
        MirtaRecords.step(server, a, "CALLERID", "0", "Susan <1132555678>");
        MirtaRecords.step(server, b, "CALLERID", "0", "Manuel <7171345678>");
        MirtaRecords.step(server, a, "VARIABLE", clientId, "36985");
        MirtaRecords.step(server, b, "VARIABLE", clientId, "1234");
        MirtaRecords.step(server, a, "VARIABLE", orderId, "56896");
        MirtaRecords.step(server, b, "VARIABLE", orderId, "11223344");
        MirtaRecords.step(server, b, "VOICEFILE", "0", b + ".wav");
        for (String[] call : new String[][] { { a, "104" }, { b, "105" } }) {
            server.emit("QueueCallerJoin", Map.of("Uniqueid", call[0], "Channel", "SIP/trunk-" + call[0], "Queue",
                    "281", "Position", "1", "Count", "1"));
            server.emit("AgentConnect", Map.of("Uniqueid", call[0], "Channel", "SIP/trunk-" + call[0], "Queue",
                    "281", "Interface", "Local/" + call[1] + "@from-queue/n", "MemberName", "Ext " + call[1],
                    "HoldTime", "3"));
        }
        MirtaRecords.hangup(server, a);
        MirtaRecords.hangup(server, b);
        await("both runs ended", () -> {
            JsonNode runs = http.bearer(develKey).get("/pbxapi/responsepaths/19/runs").json().get("results");
            return runs != null && runs.size() == 2 && runs.findValues("ended").stream().noneMatch(JsonNode::isNull);
        });

        Http.Response last = Mirta.get(http, SEED + "&reqtype=RESPONSEPATH&tenant=DEVEL&id=19&action=GETLAST",
                develReadOnlyKey);
        assertEquals(last.toString(), 200, last.status());
        assertTrue(last.header("content-type"), last.header("content-type").startsWith("text/plain"));
        assertEquals(http.bearer(develKey).get("/pbxapi/responsepaths/19/runs/last?format=pipe").body(), last.body());
        String[] lines = last.body().split("\n");
        assertEquals("UniqueID|Type|Type ID|Value|Type Name|Value Name", lines[0]);
        assertEquals(b, lines[1].split("\\|", -1)[0]);

        String[] agent104 = Mirta.get(http, SEED + "&reqtype=RESPONSEPATH&tenant=DEVEL&id=19&action=GETLAST"
                + "&filter=ANSWER&filterdata=104-DEVEL", globalKey).body().split("\n");
        assertArrayEquals(new String[] { a, "START", "0", "2017-11-04 15:41:01", "", "" }, cells(agent104[1]));
        assertArrayEquals(new String[] { a, "CALLERID", "0", "Susan <1132555678>", "", "" }, cells(agent104[2]));
        assertArrayEquals(new String[] { a, "VARIABLE", clientId, "36985", "ClientID", "" }, cells(agent104[3]));
        assertArrayEquals(new String[] { a, "VARIABLE", orderId, "56896", "OrderNumber", "" }, cells(agent104[4]));
        assertArrayEquals(new String[] { a, "QUEUE", "281", "", "supportQ", "" }, cells(agent104[5]));
        assertArrayEquals(new String[] { a, "ANSWER", "0", "104-DEVEL", "", "Ext 104" }, cells(agent104[6]));
        assertArrayEquals(new String[] { a, "HANGUP", "0", "", "", "" }, cells(agent104[7]));
        assertEquals(8, agent104.length);

        Http.Response xmlAnswer = Mirta.get(http, SEED + "&reqtype=RESPONSEPATH&tenant=DEVEL&id=19&action=GETLAST"
                + "&filter=ANSWER&filterdata=105-DEVEL&format=xml", globalKey);
        assertTrue(xmlAnswer.header("content-type"), xmlAnswer.header("content-type").startsWith("application/xml"));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xmlAnswer.body().getBytes(StandardCharsets.UTF_8)));
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : List.of("Agent", "Status", "Queue", "ClientID", "OrderNumber", "Caller", "VoiceFile")) {
            result.put(name, xml.getElementsByTagName(name).item(0).getTextContent());
        }
        assertEquals(Map.of("Agent", "105-DEVEL", "Status", "NOT ACTIVE", "Queue", "supportQ", "ClientID", "1234",
                "OrderNumber", "11223344", "Caller", "Manuel <7171345678>", "VoiceFile", "3619"), result);

        // MEDIAFILE GETAUDIO id=19&objectid=3619: that run's voice file.
        byte[] audio = "RIFF....WAVEfmt the caller's message".getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(SPOOL.resolve("responsepaths/19"));
        Files.write(SPOOL.resolve("responsepaths/19").resolve(b + ".wav"), audio);
        HttpResponse<byte[]> voice = bytes(SEED + "&reqtype=MEDIAFILE&tenant=DEVEL&id=19&action=GETAUDIO"
                + "&objectid=3619", develReadOnlyKey);
        assertEquals(200, voice.statusCode());
        assertArrayEquals(audio, voice.body());
        assertEquals("audio/wav", voice.headers().firstValue("content-type").orElse(""));
        assertTrue(Mirta.error(Mirta.get(http, SEED + "&reqtype=MEDIAFILE&tenant=DEVEL&id=19&action=GETAUDIO"
                + "&objectid=3618", develKey), 404).contains("3618"));
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MEDIAFILE&tenant=default&id=19&action=GETAUDIO&objectid=3619",
                globalKey), 404);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MEDIAFILE&tenant=DEVEL&id=19&action=PUTAUDIO&objectid=3619",
                globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=RESPONSEPATH&tenant=DEVEL&id=19&action=GETLAST&filter=EXPLODE",
                globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=RESPONSEPATH&tenant=DEVEL&id=19&action=GETALL", globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=RESPONSEPATH&tenant=DEVEL&id=19&action=GETLAST&filter=ANSWER"
                + "&filterdata=102-DEVEL", globalKey), 404);
    }

    @Test
    public void whenVoicemailBundleStops_thenVoicemailIs503AndLeavesHelpWhileTheRestWorks() throws Exception {
        Bundle voicemail = bundle("org.dialplane.voicemail");
        String list = SEED + "&reqtype=VOICEMAIL&tenant=DEVEL&action=list";
        assertTrue(Mirta.get(http, SEED + "&reqtype=HELP", globalKey).body().contains("VOICEMAIL "));
        voicemail.stop();
        try {
            await("VOICEMAIL answers 503", () -> Mirta.get(http, list, globalKey).status() == 503);
            assertTrue(Mirta.error(Mirta.get(http, list, globalKey), 503).contains("voicemail"));
            String help = Mirta.get(http, SEED + "&reqtype=HELP", globalKey).body();
            assertFalse(help, help.contains("VOICEMAIL"));
            assertTrue(help, help.contains("CDRS - ") && help.contains("RESPONSEPATH ") && help.contains("MEDIAFILE "));
            assertEquals(200, Mirta.get(http, SEED + "&reqtype=INFO&info=CDRS&format=csv&tenant=DEVEL"
                    + "&start=2017-01-01&end=2017-02-01", globalKey).status());
        } finally {
            voicemail.start();
        }
        await("VOICEMAIL is back", () -> Mirta.get(http, list, globalKey).status() == 200);
    }

    @Test
    public void whenMediafileWithoutObjectid_thenTheMediaFilesAudioAndEachFormHasItsOwnProvider() throws Exception {
        String id = Uploads.createdId(new Uploads(port(), develKey).raw("POST", "/pbxapi/media?name=Beep",
                AudioFiles.tone(AudioFiles.MULAW_8K, 0.5)));
        String url = SEED + "&reqtype=MEDIAFILE&tenant=DEVEL&id=" + id + "&action=GETAUDIO";
        HttpResponse<byte[]> audio = bytes(url, develReadOnlyKey);
        assertEquals(200, audio.statusCode());
        assertEquals("audio/wav", audio.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(new Uploads(port(), develKey).get("/pbxapi/media/" + id + "/audio").body(), audio.body());
        Mirta.error(Mirta.get(http, url.replace("tenant=DEVEL", "tenant=default"), globalKey), 404);

        Bundle media = bundle("org.dialplane.media");
        media.stop();
        try {
            await("MEDIAFILE without objectid answers 503", () -> Mirta.get(http, url, globalKey).status() == 503);
            assertTrue(Mirta.error(Mirta.get(http, url, globalKey), 503).contains("media bundle"));
            // The voice file form is the response paths bundle's: still served (404: no such run here).
            Mirta.error(Mirta.get(http, url + "&objectid=1", globalKey), 404);
            String help = Mirta.get(http, SEED + "&reqtype=HELP", globalKey).body();
            assertTrue(help, help.contains("MEDIAFILE ") && help.contains("id, objectid - "));
            assertFalse(help, help.contains("media file id"));
        } finally {
            media.start();
        }
        await("MEDIAFILE is back", () -> Mirta.get(http, url, globalKey).status() == 200);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A GET sent byte for byte (the seed's {@code tenant=%}), HTTP/1.0 so that the body comes unchunked. */
    private Http.Response raw(String seedUrl, String key) throws java.io.IOException {
        return RawHttp.exchange(port(), "GET " + Mirta.path(seedUrl, key) + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    }

    private HttpResponse<byte[]> bytes(String seedUrl, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                + Mirta.path(seedUrl, key))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
