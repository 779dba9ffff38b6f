package org.dialplane.itests;

import static org.dialplane.itests.Mirta.SEED;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dialplane.core.db.Database;
import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MiRTA facade ({@code /pbx/proxyapi.php}, {@code /mirtapbx/proxyapi.php}) running seed 004's URLs and PHP
 * snippets for the reqtypes served today, literally (only the host and the key changed), against the fake AMI, the
 * embedded database and a spool of this class's own: tenant DEVEL with extensions 102, 104 and 402, and 104 a
 * static member of queue 281. Then key scoping, read-only keys, malformed jsondata, unknown reqtypes, actions and
 * objects, and a provider bundle stopped at runtime.
 */
public class MirtaIT extends DialplaneTestSupport {
    private static final Path SPOOL = Path.of(System.getProperty("dialplane.test.work"), "MirtaIT", "spool")
            .toAbsolutePath();
    private static FakeAmiServer server;
    /** The seed's key: global and read-write (it manages tenants and asks for tenant=%). */
    private static String globalKey;
    private static String globalReadOnlyKey;
    private static String develKey;
    private static String develReadOnlyKey;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", SPOOL.toString()));
        return composite(database("MirtaIT"), Logins.adminPassword(), AmiIT.fakeAmi(), AmiIT.amiPointingAt(freePort()));
    }

    @Before
    public void tenantDevelWithItsExtensionsQueueAndKeys() throws Exception {
        server = AmiPeers.of(this, peer -> {
            peer.pbx().addQueueMember("281", "Local/104@from-queue/n", "Agent 104");
        });
        server.resume();
        server.reset();
        String admin = Logins.adminToken(http);
        await("AMI is connected", () -> http.bearer(admin).get("/pbxapi/calls/count").status() == 200);
        if (globalKey == null) {
            Http.Response devel = http.send("POST", "/pbxapi/tenants", "{\"code\":\"DEVEL\",\"name\":\"Development\","
                    + "\"range_start\":100,\"range_end\":499}", Logins.jsonWithBearer(admin));
            assertEquals(devel.toString(), 201, devel.status());
            // The seed's own key, imported as a MiRTA customer moving here would: its URLs then change only host.
            globalKey = Logins.apiKey(http, admin, "{\"name\":\"seed\",\"key\":\"" + Mirta.SEED_KEY + "\"}");
            assertEquals(Mirta.SEED_KEY, globalKey);
            globalReadOnlyKey = Logins.apiKey(http, admin, "{\"name\":\"seed-ro\",\"read_only\":true}");
            develKey = Logins.apiKey(http, admin, "{\"name\":\"devel\",\"tenant\":\"DEVEL\"}");
            develReadOnlyKey = Logins.apiKey(http, admin, "{\"name\":\"devel-ro\",\"tenant\":\"DEVEL\",\"read_only\":true}");
            for (String extension : List.of("102", "104", "402")) {
                Http.Response created = http.bearer(develKey).json("PUT", "/pbxapi/extensions/" + extension
                        + "?reload=0", "{\"name\":\"Ext " + extension + "\"}");
                assertTrue(created.toString(), created.status() < 300);
            }
        }
        await("the facade answers", () -> http.get("/pbx/proxyapi.php?reqtype=HELP").status() == 401);
    }

    @Test
    public void whenSeedDialUrl_thenTheSourceRingsAndTheCallIdIsAnswered() throws Exception {
        String[] answer = Mirta.pipe(Mirta.get(http, SEED
                + "&reqtype=DIAL&source=402&dest=9922323232&tenant=DEVEL&account=402-DEVEL", globalKey), 200);

        assertEquals("Success", answer[0]);
        assertEquals("Originate successfully queued", answer[1]);
        assertTrue(answer[2], answer[2].matches("[0-9a-f]{14,}"));
        assertEquals(3, answer.length);
        AmiMessage originate = server.awaitAction("Originate", DEADLINE);
        assertEquals("SIP/402", originate.get("Channel"));
        assertEquals("9922323232", originate.get("Exten"));
        assertEquals("from-internal", originate.get("Context"));
        assertEquals("402-DEVEL", originate.get("Account"));
        assertEquals(answer[2], originate.get("ChannelId"));
        // The same call as /pbxapi sees it, by the id MiRTA's client got.
        JsonNode call = http.bearer(develKey).get("/pbxapi/calls/" + answer[2]).json().get("results").get(0);
        assertEquals("402", call.get("source").asText());
    }

    @Test
    public void whenSeedDialUrlWithVar_thenTheVariableReachesTheDialplanAsTenantDashName() throws Exception {
        String[] answer = Mirta.pipe(Mirta.get(http, SEED + "&reqtype=DIAL&source=402&dest=9922323232&tenant=DEVEL"
                + "&account=402-DEVEL&var=callid%3D453131", globalKey), 200);

        assertEquals("Success", answer[0]);
        assertEquals(List.of("DEVEL-callid=453131"), server.awaitAction("Originate", DEADLINE).getAll("Variable"));
        // Repeated, in the form body too, and with format=json as MiRTA's PHP clients read it.
        Http.Response json = http.send("POST", "/pbx/proxyapi.php?reqtype=DIAL&format=json",
                "key=" + globalKey + "&source=402&dest=100&tenant=DEVEL&var=a%3D1&var=b%3D2",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(json.toString(), 200, json.status());
        assertEquals("Success", json.json().get("Response").asText());
        assertEquals("Originate successfully queued", json.json().get("Message").asText());
        assertFalse(json.json().get("ID").asText().isEmpty());
        server.reset();
    }

    @Test
    public void whenSeedRecordingUrl_thenTheCallsAudio() throws Exception {
        byte[] audio = "RIFF....WAVEfmt the recording".getBytes();
        Path file = SPOOL.resolve("monitor/2017/11/04/out-402-9922323232-15a4cfe6429054.wav");
        Files.createDirectories(file.getParent());
        Files.write(file, audio);
        sql("cdr", "INSERT INTO cdr (calldate, clid, src, dst, dcontext, channel, disposition, accountcode, uniqueid,"
                + " linkedid, recordingfile, cnum) VALUES ('2017-11-04 13:45:16', '<402>', '402', '9922323232',"
                + " 'from-internal', 'SIP/402-1', 'ANSWERED', '402-DEVEL', '15a4cfe6429054', '15a4cfe6429054', ?, '402')",
                file.getFileName().toString());

        HttpResponse<byte[]> recording = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port() + Mirta.path(SEED + "&reqtype=INFO&info=recording&id=15a4cfe6429054",
                        globalKey))).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, recording.statusCode());
        assertArrayEquals(audio, recording.body());
        assertEquals("audio/wav", recording.headers().firstValue("content-type").orElse(""));
        assertTrue(recording.headers().firstValue("content-disposition").orElse("").contains(".wav"));
        // A tenant that does not own the call, and a call without a recording: MiRTA's error, 404.
        Mirta.error(http.get("/pbx/proxyapi.php?reqtype=INFO&info=recording&id=15a4cfe6429054&tenant=default&key="
                + globalKey), 404);
        assertTrue(Mirta.error(Mirta.get(http, SEED + "&reqtype=INFO&info=recording&id=nosuchcall", globalKey), 404)
                .contains("nosuchcall"));
    }

    @Test
    public void whenSeedAgentPauseUrl_thenItsQueueMemberIsPausedWithTheReason() throws Exception {
        String[] answer = Mirta.pipe(Mirta.get(http, SEED + "&reqtype=AGENT&action=PAUSE&queue=281"
                + "&extension=104-DEVEL&tenant=DEVEL&pausereason=Breakfast", globalKey), 200);

        assertArrayEquals(new String[] { "Success", "Agent paused", "281" }, answer);
        AmiMessage pause = server.awaitAction("QueuePause", DEADLINE);
        assertEquals("Local/104@from-queue/n", pause.get("Interface"));
        assertEquals("281", pause.get("Queue"));
        assertEquals("true", pause.get("Paused"));
        assertEquals("Breakfast", pause.get("Reason"));

        server.reset();
        assertArrayEquals(new String[] { "Success", "Agent unpaused", "281" }, Mirta.pipe(Mirta.get(http, SEED
                + "&reqtype=AGENT&action=unpause&queue=281&extension=104-DEVEL&tenant=DEVEL", develKey), 200));
        assertEquals("false", server.awaitAction("QueuePause", DEADLINE).get("Paused"));
        // 402 is in no queue: the agents bundle's 404, in MiRTA's words.
        Mirta.error(Mirta.get(http, SEED + "&reqtype=AGENT&action=PAUSE&extension=402&tenant=DEVEL", develKey), 404);
    }

    @Test
    public void whenSeedCountCallsUrl_thenTheCountOfTheCallsTheKeySees() {
        server.pbx().addChannel("SIP/402-00000001", "402", "9922323232");
        server.pbx().addChannel("SIP/999-00000002", "999", "100");
        String all = Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", globalKey), 200)[1];
        String devel = Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", develKey), 200)[1];

        assertEquals(http.bearer(globalKey).get("/pbxapi/calls/count").json().get("calls").asText(), all);
        assertEquals(http.bearer(develKey).get("/pbxapi/calls/count").json().get("calls").asText(), devel);
        assertTrue(all + " > " + devel, Long.parseLong(all) > Long.parseLong(devel));
        assertTrue(devel, Long.parseLong(devel) >= 1);
    }

    @Test
    public void whenSeedTenantUrlsAndSnippets_thenListedGotAddedAndUpdated() throws Exception {
        JsonNode list = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=TENANT&action=list", globalKey).json();
        JsonNode devel = find(list, "DEVEL");
        assertEquals("Development", devel.get("te_name").asText());
        assertEquals("1", devel.get("te_enabled").asText());
        JsonNode first = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=TENANT&action=get&objectid=1", globalKey)
                .json();
        assertEquals("1", first.get("te_id").asText());
        assertEquals("default", first.get("te_code").asText());
        assertTrue(first.get("pk_start").isNull());

        // The demo server's next tenant id is 460, as the seed's update snippet assumes.
        sql("pbx", "ALTER TABLE dp_tenants AUTO_INCREMENT = 460");
        String[] added = Mirta.pipe(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=add&object=tenant",
                globalKey, "{\"te_code\":\"RELAX\",\"te_name\":\"Relax & entertainment\",\"pk_start\":800,\"pk_end\":810}"),
                201);
        assertArrayEquals(new String[] { "Success",
            "Tenant added; not kept (no Dialplane equivalent): pk_start, pk_end", "460" }, added);

        String[] updated = Mirta.pipe(Mirta.postJsondata(http, SEED
                + "&reqtype=MANAGEDB&action=update&object=tenant&objectid=460", globalKey,
                "{\"te_id\":\"460\",\"te_name\":\"Relax and entertainment\",\"pk_end\":820}"), 200);
        assertArrayEquals(new String[] { "Success", "Tenant updated; not kept (no Dialplane equivalent): pk_end",
            "460" }, updated);
        JsonNode relax = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=tenants&action=get&objectid=460", globalKey)
                .json();
        assertEquals("RELAX", relax.get("te_code").asText());
        assertEquals("Relax and entertainment", relax.get("te_name").asText());
        // What /pbxapi/tenants shows: the same tenant, and no range made of MiRTA's pk_ fields.
        JsonNode rest = http.bearer(globalKey).get("/pbxapi/tenants/460").json().get("results").get(0);
        assertEquals("Relax and entertainment", rest.get("name").asText());
        assertTrue(rest.get("range_start").isNull());

        String add = SEED + "&reqtype=MANAGEDB&action=add&object=TENANT";
        String message = Mirta.error(Mirta.postJsondata(http, add, globalKey, "{\"te_code\":\"1bad\"}"), 422);
        assertTrue(message, message.contains("te_code") && message.contains("te_name"));
        message = Mirta.error(Mirta.postJsondata(http, add, globalKey, "{\"te_code\":\"OK\",\"te_name\":\"Ok\","
                + "\"pk_start\":\"x\"}"), 422);
        assertTrue(message, message.contains("pk_start"));
        Mirta.error(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=add&object=tenant", globalKey,
                "{\"te_code\":\"RELAX\",\"te_name\":\"Again\"}"), 409);
    }

    @Test
    public void whenHelpAsked_thenEveryServedReqtypeAndNothingElse() {
        Http.Response help = Mirta.get(http, SEED + "&reqtype=HELP", develReadOnlyKey);
        assertEquals(help.toString(), 200, help.status());
        for (String served : List.of("reqtype - Request type", "DIAL ", "COUNTCALLS ", "INFO ", "recording - ",
                "AGENT ", "MANAGEDB ", "tenant - list, get, add, update, delete")) {
            assertTrue(served, help.body().contains(served));
        }
    }

    @Test
    public void whenKeysAreScoped_thenATenantKeyActsForItsTenantOnly() throws Exception {
        String other = Mirta.error(Mirta.get(http, SEED + "&reqtype=COUNTCALLS&tenant=default", develKey), 403);
        assertTrue(other, other.contains("DEVEL"));
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=TENANT&action=list", develKey), 403);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=COUNTCALLS&tenant=NOSUCH", globalKey), 404);
        // DEVEL's 402 is not the default tenant's: a global key acting for default does not see it.
        Mirta.error(Mirta.get(http, SEED + "&reqtype=DIAL&source=402&dest=100&tenant=default", globalKey), 404);
        assertTrue(server.actions("Originate").isEmpty());
        // MiRTA's % (every tenant), literally: a global key counts every call, a tenant key its own.
        assertEquals(Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", globalKey), 200)[1],
                Mirta.pipe(Mirta.raw(port(), SEED + "&reqtype=COUNTCALLS&tenant=%", globalKey), 200)[1]);
        assertEquals(Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", develKey), 200)[1],
                Mirta.pipe(Mirta.raw(port(), SEED + "&reqtype=COUNTCALLS&tenant=%", develKey), 200)[1]);
        Mirta.error(http.get("/mirtapbx/proxyapi.php?reqtype=COUNTCALLS"), 401);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", "dpk_0000000000000000_"
                + "A".repeat(43)), 401);
        // The key posted in the form, as PHP's $_REQUEST takes it.
        Mirta.pipe(http.send("POST", "/mirtapbx/proxyapi.php", "reqtype=COUNTCALLS&key=" + develKey,
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 200);
    }

    @Test
    public void whenKeyIsReadOnly_thenReadsAnswerAndWritesAre403() {
        Mirta.error(Mirta.get(http, SEED + "&reqtype=DIAL&source=402&dest=100&tenant=DEVEL", develReadOnlyKey), 403);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=AGENT&action=PAUSE&queue=281&extension=104-DEVEL",
                develReadOnlyKey), 403);
        Mirta.error(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=add&object=tenant", globalReadOnlyKey,
                "{\"te_code\":\"RO\",\"te_name\":\"Read only\"}"), 403);
        assertTrue(server.actions("Originate").isEmpty());
        assertTrue(server.actions("QueuePause").isEmpty());
        Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS&tenant=DEVEL", develReadOnlyKey), 200);
        assertEquals(200, Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=TENANT&action=list", globalReadOnlyKey)
                .status());
    }

    @Test
    public void whenRequestIsMalformedOrUnknown_thenErrorWith400Or501() {
        String add = SEED + "&reqtype=MANAGEDB&action=add&object=tenant";
        assertTrue(Mirta.error(Mirta.postJsondata(http, add, globalKey, "{\"te_code\":"), 400).contains("jsondata"));
        Mirta.error(Mirta.postJsondata(http, add, globalKey, "[\"RELAX\"]"), 400);
        Mirta.error(Mirta.postJsondata(http, add, globalKey, "{\"te_code\":\"A\",\"te_code\":\"B\"}"), 400);
        Mirta.error(Mirta.get(http, add, globalKey), 400);
        assertTrue(Mirta.error(Mirta.get(http, SEED + "&reqtype=NOSUCH", globalKey), 400).contains("NOSUCH"));
        Mirta.error(Mirta.get(http, SEED, globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=AGENT&action=DANCE&extension=104", globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=TENANT&action=explode", globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=SPACESHIP&action=list", globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=INFO&info=weather", globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=DIAL&source=402&dest=1%0D%0AAction:%20Hangup&tenant=DEVEL",
                globalKey), 400);
        Mirta.error(Mirta.get(http, SEED + "&reqtype=DIAL&source=402&dest=1&tenant=DEVEL&var=a%3D1,AMPUSER%3D9",
                globalKey), 400);
        assertTrue(server.actions("Originate").isEmpty());
        Mirta.error(http.send("DELETE", Mirta.path(SEED + "&reqtype=COUNTCALLS", globalKey), null, Map.of()), 405);
    }

    @Test
    public void whenAgentsBundleStops_thenAgentIs503AndLeavesHelpWhileTheRestWorks() throws Exception {
        Bundle agents = Arrays.stream(context.getBundles())
                .filter(bundle -> "org.dialplane.agents".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        String pause = SEED + "&reqtype=AGENT&action=PAUSE&queue=281&extension=104-DEVEL&tenant=DEVEL";
        agents.stop();
        try {
            await("AGENT answers 503", () -> Mirta.get(http, pause, globalKey).status() == 503);
            String message = Mirta.error(Mirta.get(http, pause, globalKey), 503);
            assertTrue(message, message.contains("agents"));
            assertFalse(Mirta.get(http, SEED + "&reqtype=HELP", globalKey).body().contains("AGENT "));
            assertEquals("Success", Mirta.pipe(Mirta.get(http, SEED + "&reqtype=DIAL&source=402&dest=100"
                    + "&tenant=DEVEL", globalKey), 200)[0]);
            Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", globalKey), 200);
        } finally {
            agents.start();
        }
        await("AGENT is back", () -> Mirta.get(http, pause, globalKey).status() == 200);
        assertTrue(Mirta.get(http, SEED + "&reqtype=HELP", globalKey).body().contains("AGENT "));
        server.reset();
    }

    @Test
    public void whenFormIsMultipart_thenItsTextFieldsAreParametersAsPhpReadsThem() {
        String boundary = "----mirta" + System.nanoTime();
        String body = part(boundary, "key", globalKey) + part(boundary, "jsondata",
                "{\"te_code\":\"MULTI\",\"te_name\":\"Posted as multipart\"}") + "--" + boundary + "--\r\n";
        Http.Response added = http.send("POST", "/pbx/proxyapi.php?reqtype=MANAGEDB&action=add&object=tenant", body,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        assertEquals("Tenant added", Mirta.pipe(added, 201)[1]);
    }

    @Test
    public void whenKeysTenantIsDisabled_thenItsKeyIs403() {
        String add = SEED + "&reqtype=MANAGEDB&action=add&object=tenant";
        String id = Mirta.pipe(Mirta.postJsondata(http, add, globalKey, "{\"te_code\":\"OFF\",\"te_name\":\"Off\"}"),
                201)[2];
        String offKey = Logins.apiKey(http, Logins.adminToken(http), "{\"name\":\"off\",\"tenant\":\"OFF\"}");
        Mirta.pipe(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", offKey), 200);
        Mirta.pipe(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=update&object=tenant&objectid=" + id,
                globalKey, "{\"te_enabled\":\"0\"}"), 200);
        assertTrue(Mirta.error(Mirta.get(http, SEED + "&reqtype=COUNTCALLS", offKey), 403).contains("disabled"));
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static JsonNode find(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (code.equals(row.get("te_code").asText())) {
                return row;
            }
        }
        throw new AssertionError("No tenant " + code + " in " + rows);
    }

    /** Runs a statement on the PBX ({@code pbx}) or CDR ({@code cdr}) database, as a fixture. */
    private void sql(String which, String statement, String... parameters) throws Exception {
        ServiceReference<Database> reference = context.getServiceReference(Database.class);
        assertNotNull(reference);
        Database database = context.getService(reference);
        try (Connection connection = (which.equals("cdr") ? database.cdr() : database.pbx()).getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement, Statement.NO_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setString(i + 1, parameters[i]);
            }
            prepared.execute();
        } finally {
            context.ungetService(reference);
        }
    }
}
