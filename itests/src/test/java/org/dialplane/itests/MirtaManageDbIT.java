package org.dialplane.itests;

import static org.dialplane.itests.Mirta.SEED;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MiRTA facade's MANAGEDB objects of a tenant: seed 004's CUSTOMTYPES, CUSTOM, PHONE, MEDIAFILE and HUNTLIST
 * URLs and PHP snippets run literally (only the host and the key changed) against the embedded database, a sounds
 * folder and an etc folder of this class's own, answers compared field by field with MiRTA's names and with what
 * {@code /pbxapi} shows. Tenant DEVEL holds the seed's objects at the seed's ids: custom destinations 67 and 286,
 * phones 182 and 207, media files 1063, 10 and 247, hunt lists 323 and 26, extensions 102, 104, 1701, 1703, 1705.
 * Then key scoping, read-only keys, malformed jsondata and a provider bundle stopped.
 */
public class MirtaManageDbIT extends DialplaneTestSupport {
    private static final Path WORK = Path.of(System.getProperty("dialplane.test.work"), "MirtaManageDbIT")
            .toAbsolutePath();
    private static String globalKey;
    private static String develKey;
    private static String develReadOnlyKey;
    private static String otherKey;
    private static String otherCode;
    private static String develId;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("sounds", WORK.resolve("sounds").toString(), "etc", WORK.resolve("etc")
                .toString()));
        return composite(database("MirtaManageDbIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void tenantDevelWithTheSeedsObjects() throws Exception {
        await("the facade answers", () -> http.get("/pbx/proxyapi.php?reqtype=HELP").status() == 401);
        awaitAsteriskPath("sounds", WORK.resolve("sounds"));
        synchronized (MirtaManageDbIT.class) {
            if (globalKey != null) {
                return;
            }
            String admin = Logins.adminToken(http);
            Http.Response devel = http.send("POST", "/pbxapi/tenants", "{\"code\":\"DEVEL\",\"name\":\"Development\","
                    + "\"range_start\":20,\"range_end\":1999}", Logins.jsonWithBearer(admin));
            assertEquals(devel.toString(), 201, devel.status());
            develKey = Logins.apiKey(http, admin, "{\"name\":\"devel\",\"tenant\":\"DEVEL\"}");
            develReadOnlyKey = Logins.apiKey(http, admin, "{\"name\":\"devel-ro\",\"tenant\":\"DEVEL\",\"read_only\":true}");
            otherCode = Logins.tenant(http, admin, 5000, 5999);
            otherKey = Logins.apiKey(http, admin, "{\"name\":\"other\",\"tenant\":\"" + otherCode + "\"}");
            Http d = http.bearer(develKey);
            for (String extension : List.of("102", "104", "1701", "1703", "1705")) {
                created(d.json("PUT", "/pbxapi/extensions/" + extension + "?reload=0", "{\"name\":\"Ext " + extension
                        + "\"}"));
            }
            created(d.json("PUT", "/pbxapi/customdestinations/67", CustomDestinationsIT.BOSS_PHONE));
            created(d.json("PUT", "/pbxapi/customdestinations/286", CustomDestinationsIT.BOSS_PHONE
                    .replace("Boss phone", "Boss old phone").replace("3564732920", "3564000000")));
            created(d.json("PUT", "/pbxapi/phones/182", "{\"name\":\"Reception\",\"mac\":\"00:15:65:00:01:82\","
                    + "\"model\":\"snom-d7xx\",\"lines\":[\"102\"]}"));
            created(d.json("PUT", "/pbxapi/phones/207", "{\"name\":\"George Basement\",\"mac\":\"0015.6500.0207\","
                    + "\"model\":\"yealink-t4x-t5x\"}"));
            Uploads uploads = new Uploads(port(), develKey);
            for (String media : List.of("1063", "10", "247")) {
                created(d.json("PUT", "/pbxapi/media/" + media, "{\"name\":\"Media " + media + "\"}"));
                assertEquals(200, uploads.raw("PUT", MediaTestSupport.audio(media), AudioFiles.tone(
                        AudioFiles.MULAW_8K, 1.0)).status());
            }
            created(d.json("PUT", "/pbxapi/ringgroups/323?reload=0", "{\"name\":\"Sales\",\"extension_list\":"
                    + "[\"102\",\"104\"]}"));
            created(d.json("PUT", "/pbxapi/ringgroups/26?reload=0", "{\"name\":\"Support\",\"extension_list\":"
                    + "[\"1701\"]}"));
            globalKey = Logins.apiKey(http, admin, "{\"name\":\"seed\"}");
            develId = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=TENANT&action=get&objectid=DEVEL", globalKey)
                    .json().get("te_id").asText();
        }
    }

    @Test
    public void whenSeedCustomTypesAndCustomUrls_thenRowsAsMirtaNamesThem() {
        JsonNode types = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=CUSTOMTYPES&tenant=DEVEL&action=list",
                globalKey).json();
        JsonNode rest = http.bearer(develKey).get("/pbxapi/customtypes").json().get("results");
        assertEquals(rest.size(), types.size());
        for (int i = 0; i < rest.size(); i++) {
            assertEquals(List.of("ct_id", "ct_name", "ct_description"), JsonAssert.names(types.get(i)));
            assertEquals(rest.get(i).get("id").asText(), types.get(i).get("ct_id").asText());
            assertEquals(rest.get(i).get("name").asText(), types.get(i).get("ct_name").asText());
            assertEquals(rest.get(i).get("description").asText(), types.get(i).get("ct_description").asText());
        }
        assertEquals(types.get(0), Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=customtype&action=get&objectid="
                + types.get(0).get("ct_id").asText(), globalKey).json());
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=CUSTOMTYPES&action=get&objectid=999", develKey),
                404);
        String boss = "{\"cu_id\":\"67\",\"cu_te_id\":\"" + develId + "\",\"cu_ct_id\":\"1\",\"cu_name\":\"Boss phone\","
                + "\"cu_param1\":\"3564732920\",\"cu_param2\":\"INCOMINGDID\",\"cu_param3\":\"30\"}";
        JsonNode list = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=CUSTOM&tenant=DEVEL&action=list", globalKey)
                .json();
        assertTrue(list.toString(), list.isArray() && list.size() >= 2);
        assertEquals(JsonAssert.parse(boss), list.get(0));
        assertEquals(JsonAssert.parse(boss), Mirta.get(http, SEED
                + "&reqtype=MANAGEDB&object=CUSTOM&tenant=DEVEL&action=get&objectid=67", develKey).json());
    }

    @Test
    public void whenSeedCustomSnippets_thenAddedAndUpdatedAsRestShowsThem() {
        String[] added = Mirta.pipe(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=add&object=custom"
                + "&tenant=DEVEL", globalKey, "{\"cu_name\":\"Boss phone\",\"cu_ct_id\":1,\"cu_param1\":\"3564732920\","
                + "\"cu_param2\":\"INCOMINGDID\",\"cu_param3\":\"30\"}"), 201);
        assertEquals(List.of("Success", "Custom destination added"), List.of(added[0], added[1]));
        JsonNode shown = http.bearer(develKey).get("/pbxapi/customdestinations/" + added[2]).json().get("results").get(0);
        assertEquals("Boss phone", shown.get("name").asText());
        assertEquals(1, shown.get("type").asInt());
        assertEquals("INCOMINGDID", shown.get("param2").asText());

        assertArrayEquals(new String[] { "Success", "Custom destination updated", "286" }, Mirta.pipe(
                Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=update&object=custom&tenant=DEVEL&objectid=286",
                        globalKey, "{\"cu_name\":\"Boss private phone\",\"cu_id\":286,\"cu_param1\":\"0636287454\"}"), 200));
        JsonNode updated = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=CUSTOM&tenant=DEVEL&action=get&objectid=286",
                develKey).json();
        assertEquals("Boss private phone", updated.get("cu_name").asText());
        assertEquals("0636287454", updated.get("cu_param1").asText());
        assertEquals("30", updated.get("cu_param3").asText());

        String add = SEED + "&reqtype=MANAGEDB&action=add&object=CUSTOMS&tenant=DEVEL";
        assertEquals("Custom destination added; not kept (no Dialplane equivalent): cu_param4", Mirta.pipe(
                Mirta.postJsondata(http, add, develKey, "{\"cu_name\":\"Four\",\"cu_ct_id\":1,\"cu_param1\":\"5551\","
                        + "\"cu_param2\":\"INCOMING\",\"cu_param3\":20,\"cu_param4\":\"x\"}"), 201)[1]);
        String message = Mirta.error(Mirta.postJsondata(http, add, develKey, "{\"cu_name\":\"Long\",\"cu_ct_id\":1,"
                + "\"cu_param1\":\"5551\",\"cu_param2\":\"INCOMING\",\"cu_param3\":\"601\"}"), 422);
        assertTrue(message, message.contains("cu_param3"));
        String update = SEED + "&reqtype=MANAGEDB&action=update&object=custom&tenant=DEVEL&objectid=";
        Mirta.error(Mirta.postJsondata(http, update + "286", develKey, "{\"cu_id\":67,\"cu_name\":\"Moved\"}"), 400);
        Mirta.error(Mirta.postJsondata(http, update + "286", develKey, "{\"cu_te_id\":1,\"cu_name\":\"Moved\"}"), 400);
        Mirta.error(Mirta.postJsondata(http, update + "999", develKey, "{\"cu_name\":\"Nobody\"}"), 404);
    }

    @Test
    public void whenSeedPhoneUrlsAndSnippets_thenPhonesWithTheirModelNumbers() {
        JsonNode reception = JsonAssert.parse("{\"ph_id\":\"182\",\"ph_te_id\":\"" + develId + "\",\"ph_name\":"
                + "\"Reception\",\"ph_mac\":\"00:15:65:00:01:82\",\"ph_pm_id\":\"7\",\"ph_model\":\"snom-d7xx\"}");
        assertEquals(reception, Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=PHONE&action=list&tenant=DEVEL",
                globalKey).json().get(0));
        assertEquals(reception, Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=PHONE&action=get&objectid=182"
                + "&tenant=DEVEL", develKey).json());

        String[] added = Mirta.pipe(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=add&object=phones"
                + "&tenant=DEVEL", globalKey, "{\"ph_name\":\"George Basement\",\"ph_mac\":\"AA:BB:CC:DD:EE:FF:00:11\","
                + "\"ph_pm_id\":5}"), 201);
        assertEquals("Phone added", added[1]);
        JsonNode phone = http.bearer(develKey).get("/pbxapi/phones/" + added[2]).json().get("results").get(0);
        assertEquals("AA:BB:CC:DD:EE:FF:00:11", phone.get("mac").asText());
        assertEquals("yealink-t4x-t5x", phone.get("model").asText());

        assertArrayEquals(new String[] { "Success", "Phone updated", "207" }, Mirta.pipe(Mirta.postJsondata(http,
                SEED + "&reqtype=MANAGEDB&action=update&object=phone&objectid=207&tenant=DEVEL", globalKey,
                "{\"ph_name\":\"George Lower Basement\"}"), 200));
        JsonNode updated = http.bearer(develKey).get("/pbxapi/phones/207").json().get("results").get(0);
        assertEquals("George Lower Basement", updated.get("name").asText());
        assertEquals("00:15:65:00:02:07", updated.get("mac").asText());

        String update = SEED + "&reqtype=MANAGEDB&action=update&object=phone&objectid=207&tenant=DEVEL";
        String message = Mirta.error(Mirta.postJsondata(http, update, develKey, "{\"ph_pm_id\":99}"), 422);
        assertTrue(message, message.contains("ph_pm_id") && message.contains("5 yealink-t4x-t5x"));
        Mirta.error(Mirta.postJsondata(http, update, develKey, "{\"ph_mac\":\"00-15-65-00-01-82\"}"), 409);
        Mirta.error(Mirta.postJsondata(http, update.replace("objectid=207", "objectid=999"), develKey,
                "{\"ph_name\":\"Nobody\"}"), 404);
        assertEquals("Phone updated; not kept (no Dialplane equivalent): ph_password", Mirta.pipe(Mirta.postJsondata(
                http, update, develKey, "{\"ph_pm_id\":\"6\",\"ph_password\":\"secret\"}"), 200)[1]);
        assertEquals("grandstream-gxp-grp", http.bearer(develKey).get("/pbxapi/phones/207").json().get("results")
                .get(0).get("model").asText());
        assertTrue(Mirta.get(http, SEED + "&reqtype=HELP", develKey).body().contains("5 yealink-t4x-t5x"));
    }

    @Test
    public void whenSeedMediaFileUrlsAndSnippets_thenNamesAndAudioAsRestHasThem() {
        JsonNode media = JsonAssert.parse("{\"me_id\":\"1063\",\"me_te_id\":\"" + develId + "\",\"me_name\":\"Media 1063\"}");
        JsonNode list = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=MEDIAFILE&action=list&tenant=DEVEL",
                globalKey).json();
        assertTrue(list.toString(), list.toString().contains(media.toString()));
        assertEquals(media, Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=MEDIAFILE&action=get&objectid=1063"
                + "&tenant=DEVEL", develKey).json());
        Uploads uploads = new Uploads(port(), develKey);
        Uploads.Reply binary = uploads.get(Mirta.path(SEED + "&reqtype=MANAGEDB&object=MEDIAFILE&action=getbinary"
                + "&objectid=1063&tenant=DEVEL", globalKey));
        assertEquals(binary.toString(), 200, binary.status());
        assertEquals("audio/wav", binary.header("Content-Type"));
        assertArrayEquals(uploads.get(MediaTestSupport.audio("1063")).body(), binary.body());

        assertArrayEquals(new String[] { "Success", "Media file updated", "10" }, Mirta.pipe(Mirta.postJsondata(http,
                SEED + "&reqtype=MANAGEDB&action=update&object=mediafile&objectid=10&tenant=DEVEL", globalKey,
                "{\"me_name\":\"Beep\"}"), 200));
        Mirta.error(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=update&object=mediafile&objectid=9999"
                + "&tenant=DEVEL", develKey, "{\"me_name\":\"Nobody\"}"), 404);
        assertEquals("Beep", http.bearer(develKey).get("/pbxapi/media/10").json().get("results").get(0).get("name")
                .asText());

        // The updatebinary snippet: curl's multipart file field "filename", a 2.5 s 44.1 kHz stereo WAV here.
        String updateBinary = Mirta.path(SEED + "&reqtype=MANAGEDB&object=MEDIAFILE&action=updatebinary"
                + "&objectid=247&tenant=DEVEL", globalKey);
        Uploads.Reply replaced = uploads.form("POST", updateBinary, Map.of(), AudioFiles.tone(
                AudioFiles.STEREO_44K_16, 2.5));
        assertEquals(replaced.toString(), "Success|Media file audio updated|247|", replaced.text());
        AudioFiles.Audio audio = AudioFiles.read(uploads.get(MediaTestSupport.audio("247")).body());
        assertEquals(20000, audio.frames());
        assertEquals(8000f, audio.format().getSampleRate(), 0);
        byte[] before = uploads.get(MediaTestSupport.audio("247")).body();
        Mirta.error(toHttp(uploads.form("POST", updateBinary, Map.of(), "not audio".getBytes())), 415);
        // PHP 5.6+ sends the seed's '@audio.wav' as text, not as the file: a 400 that says so.
        String text = Mirta.error(http.send("POST", updateBinary, "--b\r\nContent-Disposition: form-data; name=\""
                + "filename\"\r\n\r\n@audio.wav\r\n--b--\r\n", Map.of("Content-Type", "multipart/form-data; boundary=b")),
                400);
        assertTrue(text, text.contains("CURLFile"));
        assertArrayEquals(before, uploads.get(MediaTestSupport.audio("247")).body());
        Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=MEDIAFILE&action=getbinary&objectid=9999"
                + "&tenant=DEVEL", develKey), 404);
    }

    @Test
    public void whenSeedHuntListUrlsAndSnippet_thenMembersAsMirtaTagsThem() throws Exception {
        JsonNode sales = Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=HUNTLIST&action=get&objectid=323"
                + "&tenant=DEVEL", globalKey).json();
        assertEquals(JsonAssert.parse("{\"hu_id\":\"323\",\"hu_number\":\"323\",\"hu_te_id\":\"" + develId + "\","
                + "\"hu_name\":\"Sales\",\"hu_type\":\"ringall\",\"hu_ringtime\":\"20\"}"), sales);
        assertEquals(JsonAssert.parse("[\"EXT-102\",\"EXT-104\"]"), Mirta.get(http, SEED
                + "&reqtype=MANAGEDB&object=HUNTLIST&action=getextensions&objectid=323&tenant=DEVEL", globalKey).json());

        String set = SEED + "&reqtype=MANAGEDB&action=setextensions&object=huntlist&objectid=26&tenant=DEVEL";
        String seed = "[\"EXT-1701\",\"EXT-1703\",\"EXT-1705\",\"CUSTOM-67\"]";
        assertArrayEquals(new String[] { "Success", "Hunt list extensions set", "26" }, Mirta.pipe(
                Mirta.postJsondata(http, set, globalKey, seed), 200));
        assertEquals(Map.of("grplist", "1701-1703-1705-3564732920#"),
                PbxSql.row(context, "SELECT grplist FROM ringgroups WHERE grpnum = ?", "26"));
        assertEquals(JsonAssert.parse(seed), Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=HUNTLISTS"
                + "&action=getextensions&objectid=26&tenant=DEVEL", develKey).json());
        assertEquals(http.bearer(develKey).get("/pbxapi/ringgroups/26/members").json().get("results"),
                Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=huntlist&action=getextensions&objectid=26&tenant=DEVEL",
                        develKey).json());

        Mirta.error(Mirta.postJsondata(http, set, develKey, "{\"EXT\":\"1701\"}"), 400);
        assertTrue(Mirta.error(Mirta.postJsondata(http, set, develKey, "[\"EXT-5001\"]"), 422).contains("EXT-5001"));
        assertEquals("1701-1703-1705-3564732920#", PbxSql.row(context, "SELECT grplist FROM ringgroups WHERE grpnum"
                + " = ?", "26").get("grplist"));
    }

    @Test
    public void whenKeysAreScoped_thenATenantsObjectsAreItsOwn() throws Exception {
        for (String get : List.of("object=CUSTOM&action=get&objectid=67", "object=PHONE&action=get&objectid=182",
                "object=MEDIAFILE&action=getbinary&objectid=1063", "object=HUNTLIST&action=getextensions&objectid=323")) {
            Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&" + get, otherKey), 404);
            Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&" + get + "&tenant=" + otherCode, globalKey), 404);
            Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&" + get + "&tenant=" + otherCode, develKey), 403);
            // A global key names the tenant: these are a tenant's objects, never the default tenant's by omission.
            assertTrue(Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&" + get, globalKey), 400)
                    .contains("tenant"));
            Mirta.error(Mirta.raw(port(), SEED + "&reqtype=MANAGEDB&" + get + "&tenant=%", globalKey), 400);
        }
        assertEquals("[]", Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=CUSTOM&action=list", otherKey).body());
        Mirta.error(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=update&object=custom&objectid=67",
                otherKey, "{\"cu_name\":\"Stolen\"}"), 404);
        Mirta.error(Mirta.postJsondata(http, SEED + "&reqtype=MANAGEDB&action=setextensions&object=huntlist"
                + "&objectid=323", otherKey, "[\"EXT-5001\"]"), 404);
        assertEquals("Boss phone", http.bearer(develKey).get("/pbxapi/customdestinations/67").json().get("results")
                .get(0).get("name").asText());
    }

    @Test
    public void whenKeyIsReadOnly_thenReadsAnswerAndWritesAre403() throws Exception {
        String base = SEED + "&reqtype=MANAGEDB&tenant=DEVEL";
        for (String read : List.of("object=CUSTOMTYPES&action=list", "object=CUSTOM&action=list",
                "object=PHONE&action=get&objectid=182", "object=MEDIAFILE&action=getbinary&objectid=1063",
                "object=HUNTLIST&action=getextensions&objectid=323")) {
            assertEquals(read, 200, Mirta.get(http, base + "&" + read, develReadOnlyKey).status());
        }
        Map<String, String> writes = Map.of("object=custom&action=add", "{\"cu_name\":\"RO\",\"cu_ct_id\":1}",
                "object=custom&action=update&objectid=67", "{\"cu_name\":\"RO\"}",
                "object=phones&action=add", "{\"ph_name\":\"RO\",\"ph_mac\":\"00:15:65:00:09:99\",\"ph_pm_id\":5}",
                "object=phone&action=update&objectid=182", "{\"ph_name\":\"RO\"}",
                "object=mediafile&action=update&objectid=1063", "{\"me_name\":\"RO\"}",
                "object=huntlist&action=setextensions&objectid=323", "[\"EXT-1701\"]");
        writes.forEach((write, json) -> Mirta.error(Mirta.postJsondata(http, base + "&" + write, develReadOnlyKey,
                json), 403));
        Uploads.Reply binary = new Uploads(port(), develReadOnlyKey).form("POST", Mirta.path(base
                + "&object=MEDIAFILE&action=updatebinary&objectid=1063", develReadOnlyKey), Map.of(),
                AudioFiles.tone(AudioFiles.MULAW_8K, 0.5));
        Mirta.error(toHttp(binary), 403);
        assertEquals("Boss phone", Mirta.get(http, base + "&object=CUSTOM&action=get&objectid=67", develKey).json()
                .get("cu_name").asText());
        assertEquals("Reception", Mirta.get(http, base + "&object=PHONE&action=get&objectid=182", develKey).json()
                .get("ph_name").asText());
        assertEquals("Media 1063", Mirta.get(http, base + "&object=MEDIAFILE&action=get&objectid=1063", develKey)
                .json().get("me_name").asText());
        assertEquals("102-104", PbxSql.row(context, "SELECT grplist FROM ringgroups WHERE grpnum = ?", "323")
                .get("grplist"));
    }

    @Test
    public void whenJsondataIsMalformedOrActionUnknown_thenError400() {
        String base = SEED + "&reqtype=MANAGEDB&tenant=DEVEL";
        for (String write : List.of("object=custom&action=add", "object=custom&action=update&objectid=67",
                "object=phone&action=add", "object=phone&action=update&objectid=182",
                "object=mediafile&action=update&objectid=1063", "object=huntlist&action=setextensions&objectid=323")) {
            assertTrue(write, Mirta.error(Mirta.postJsondata(http, base + "&" + write, develKey, "{\"cu_name\":"), 400)
                    .contains("jsondata"));
            Mirta.error(Mirta.get(http, base + "&" + write, develKey), 400);
            Mirta.error(Mirta.postJsondata(http, base + "&" + write, develKey, "{\"a\":1,\"a\":2}"), 400);
        }
        for (String object : List.of("custom", "phone")) {
            Mirta.error(Mirta.postJsondata(http, base + "&action=add&object=" + object, develKey, "[\"x\"]"), 400);
        }
        for (String unknown : List.of("object=custom&action=delete&objectid=67", "object=customtypes&action=add",
                "object=mediafile&action=add", "object=huntlist", "object=phone&action=get",
                "object=custom&action=get&objectid=6%207")) {
            Mirta.error(Mirta.get(http, base + "&" + unknown, develKey), 400);
        }
    }

    @Test
    public void whenCustomDestinationsBundleStops_thenItsObjectsAre503AndLeaveHelpWhileTheRestWorks() {
        Bundle customs = Arrays.stream(context.getBundles())
                .filter(bundle -> "org.dialplane.customdestinations".equals(bundle.getSymbolicName())).findFirst()
                .orElseThrow();
        String list = SEED + "&reqtype=MANAGEDB&object=CUSTOM&tenant=DEVEL&action=list";
        try {
            customs.stop();
            await("CUSTOM answers 503", () -> Mirta.get(http, list, develKey).status() == 503);
            assertTrue(Mirta.error(Mirta.get(http, list, develKey), 503).contains("custom destinations"));
            Mirta.error(Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=CUSTOMTYPES&action=list", develKey), 503);
            String help = Mirta.get(http, SEED + "&reqtype=HELP", develKey).body();
            assertFalse(help, help.contains("custom - ") || help.contains("customtypes - "));
            assertTrue(help, help.contains("phone - ") && help.contains("huntlist - "));
            assertEquals(200, Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=PHONE&action=list&tenant=DEVEL",
                    develKey).status());
            assertEquals(200, Mirta.get(http, SEED + "&reqtype=MANAGEDB&object=HUNTLIST&action=getextensions"
                    + "&objectid=323&tenant=DEVEL", develKey).status());
        } catch (org.osgi.framework.BundleException e) {
            throw new AssertionError(e);
        } finally {
            try {
                customs.start();
            } catch (org.osgi.framework.BundleException e) {
                throw new AssertionError(e);
            }
        }
        await("CUSTOM is back", () -> Mirta.get(http, list, develKey).status() == 200);
        assertTrue(Mirta.get(http, SEED + "&reqtype=HELP", develKey).body().contains("custom - "));
    }

    private static void created(Http.Response response) {
        assertTrue(response.toString(), response.status() == 200 || response.status() == 201);
    }

    private static Http.Response toHttp(Uploads.Reply reply) {
        return new Http.Response(reply.status(), reply.headers(), new String(reply.body(), StandardCharsets.UTF_8));
    }
}
