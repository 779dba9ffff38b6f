package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /pbxapi/customtypes} and {@code /pbxapi/customdestinations}: MiRTA's MANAGEDB CUSTOMTYPES and CUSTOM
 * examples through their REST equivalents, the {@code custom_destinations} rows IssabelPBX reads, the generated
 * dialplan, parameter and template injection attempts, deletes refused while in use, tenants and read-only keys.
 */
public class CustomDestinationsIT extends DialplaneTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** MiRTA's "Creating a custom destination" example, with cu_ prefixes dropped. */
    static final String BOSS_PHONE = "{\"name\":\"Boss phone\",\"type\":1,\"param1\":\"3564732920\","
            + "\"param2\":\"INCOMINGDID\",\"param3\":\"30\"}";

    private Http admin;

    @Override
    protected Option options() {
        try {
            Files.createDirectories(etc());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configureAsteriskPaths(Map.of("etc", etc().toString()));
        return composite(database(), Logins.adminPassword(), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    /** A fresh database of this class's own; {@link CustomDestinationsOnDumpIT} runs the same on the 2018 dump. */
    protected Option database() {
        return database("CustomDestinationsIT");
    }

    private Path etc() {
        return Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName() + "-etc").toAbsolutePath();
    }

    @Before
    public void login() {
        await("the custom destinations resource answers", () -> http.get("/pbxapi/customdestinations").status() == 401);
        awaitAsteriskPath("etc", etc());
        admin = asAdmin();
    }

    @Test
    public void whenMirtaExamplesSent_thenStoredAsIssabelPbxWritesThemWithTheirDialplan() throws Exception {
        // CUSTOMTYPES list: the built-ins, type 1 as MiRTA's example uses it.
        JsonNode types = admin.get("/pbxapi/customtypes").json().get("results");
        JsonNode external = types.get(0);
        assertEquals("1", external.get("id").asText());
        assertEquals("External number", external.get("name").asText());
        assertEquals(List.of("number", "callerid", "seconds"), List.of(external.get("param1_kind").asText(),
                external.get("param2_kind").asText(), external.get("param3_kind").asText()));
        assertTrue(external.get("external_number").asBoolean());
        assertTrue(external.get("builtin").asBoolean());
        assertEquals("Dial(Local/${param1}@from-internal,${param3})", external.get("template").get(1).asText());

        // CUSTOM add, list, get.
        Http.Response created = admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE);
        assertEquals(created.toString(), 201, created.status());
        String id = created.header("location").replaceAll(".*/", "");
        JsonNode shown = admin.get("/pbxapi/customdestinations/" + id).json().get("results");
        assertEquals(JsonAssert.parse("[{\"id\":\"" + id + "\",\"name\":\"Boss phone\",\"type\":1,\"param1\":"
                + "\"3564732920\",\"param2\":\"INCOMINGDID\",\"param3\":\"30\",\"destination\":\"dp-custom-" + id
                + ",s,1\"}]"), shown);
        assertTrue(JsonAssert.texts(admin.get("/pbxapi/customdestinations").json().get("results"), "id").contains(id));

        // IssabelPBX's custom_destinations row: its modules offer it as a destination by this goto.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("custom_dest", "dp-custom-" + id + ",s,1");
        expected.put("description", "Boss phone");
        expected.put("notes", "Dialplane custom destination " + id + ": External number");
        assertEquals(expected, customRow(id));
        awaitDialplan(id, "[dp-custom-" + id + "]\nexten => s,1,Gosub(dp-custom-callerid,INCOMINGDID,1)\n"
                + " same => n,Dial(Local/3564732920@from-internal,30)\n");
        assertTrue(dialplan().contains("[dp-custom-callerid]\n"));

        // A partial PUT keeps the rest; a number sent as JSON number is its text.
        assertEquals(200, admin.json("PUT", "/pbxapi/customdestinations/" + id,
                "{\"name\":\"Boss mobile\",\"param3\":45}").status());
        assertEquals("Boss mobile", customRow(id).get("description"));
        awaitDialplan(id, " same => n,Dial(Local/3564732920@from-internal,45)\n");

        // A PUT at a free id creates there (200 + Location).
        Http.Response put = admin.json("PUT", "/pbxapi/customdestinations/9001",
                "{\"name\":\"Sales DID\",\"type\":2,\"param1\":\"+390212345\"}");
        assertEquals(put.toString(), 200, put.status());
        assertTrue(put.header("location"), put.header("location").endsWith("/pbxapi/customdestinations/9001"));
        awaitDialplan("9001", "[dp-custom-9001]\nexten => s,1,Goto(from-trunk,+390212345,1)\n");

        assertEquals(200, delete(id + ",9001").status());
        assertNull(customRow(id));
        assertNull(customRow("9001"));
        await("the contexts leave the dialplan", () -> !dialplan().contains("[dp-custom-" + id + "]")
                && !dialplan().contains("[dp-custom-9001]"));
        assertEquals(404, admin.get("/pbxapi/customdestinations/" + id).status());
    }

    @Test
    public void whenParameterCarriesDialplanSyntax_then422NamingItAndNothingWritten() throws Exception {
        String[] attempts = { "3564732920,30", "1)", "1;comment", "1\nexten => s,2,System(id)", "${SHELL(id)}",
                "1&SIP/evil", "1|2", "$[1+1]", "1#", "12 34", "\"1\"", "SIP/100", "-1" };
        long before = customCount();
        for (String attempt : attempts) {
            for (String param : List.of("param1", "param2", "param3")) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Evil", "type", 1, "param1",
                        "3564732920", "param2", "INCOMING", "param3", "30"));
                body.put(param, attempt);
                assertInvalid(admin.json("POST", "/pbxapi/customdestinations", json(body)), param);
            }
        }
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE.replace("\"30\"", "\"601\"")),
                "param3");
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE.replace("INCOMINGDID", "incomingdid")),
                "param2");
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations",
                "{\"name\":\"DID\",\"type\":2,\"param1\":\"5551\",\"param2\":\"extra\"}"), "param2");
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations", "{\"name\":\"No type\"}"), "type");
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE.replace("\"type\":1", "\"type\":999")),
                "type");
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE.replace("Boss phone", "Boss\\nphone")),
                "name");
        assertInvalid(admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE.replace("Boss phone", "<b>Boss</b>")),
                "name");
        // An update is checked against the stored values and type the same way.
        String id = admin.json("POST", "/pbxapi/customdestinations", BOSS_PHONE).header("location").replaceAll(".*/", "");
        assertInvalid(admin.json("PUT", "/pbxapi/customdestinations/" + id, "{\"param1\":\"1,2\"}"), "param1");
        Http.Response retyped = admin.json("PUT", "/pbxapi/customdestinations/" + id, "{\"type\":2}");
        ContainerIT.assertProblem(retyped, 422);
        assertEquals(List.of("param2", "param3"), JsonAssert.texts(retyped.json().get("errors"), "field"));
        assertEquals(before + 1, customCount());
        String text = dialplan();
        for (String attempt : List.of("System", "SHELL", "SIP/evil", "$[1+1]", "comment")) {
            assertFalse(attempt, text.contains(attempt));
        }
        assertEquals(200, delete(id).status());
    }

    @Test
    public void whenTypeTemplateIsNotPlainApplicationCalls_then422NamingTemplate() {
        String[] templates = { "System(rm -rf /)", "Set(FILE(/etc/asterisk/x)=y)", "Dial(Local/${EXTEN}@from-internal)",
                "Dial(${param2})", "Dial(x);comment", "Dial(x)\n#include evil.conf", "Dial($[1+1])", "Dial(\"x\")" };
        for (String template : templates) {
            Map<String, Object> body = Map.of("name", "Evil", "template", List.of(template), "param1_kind", "digits");
            assertInvalid(admin.json("POST", "/pbxapi/customtypes", json(body)), "template");
        }
        assertInvalid(admin.json("POST", "/pbxapi/customtypes", "{\"name\":\"X\",\"template\":[\"Hangup()\"],"
                + "\"external_number\":true}"), "external_number");
        assertInvalid(admin.json("POST", "/pbxapi/customtypes", "{\"name\":\"X\",\"template\":[\"Hangup()\"],"
                + "\"param1_kind\":\"anything\"}"), "param1_kind");
    }

    @Test
    public void whenTypesWritten_thenGlobalOnlyAndNeverBuiltInsOrTypesInUse() throws Exception {
        Http.Response created = admin.json("POST", "/pbxapi/customtypes", "{\"name\":\"Voicemail box\",\"template\":"
                + "[\"VoiceMail(${param1}@default,u)\",\"Hangup()\"],\"param1_name\":\"Mailbox\",\"param1_kind\":\"digits\"}");
        assertEquals(created.toString(), 201, created.status());
        String type = created.header("location").replaceAll(".*/", "");
        String id = admin.json("POST", "/pbxapi/customdestinations", "{\"name\":\"Box\",\"type\":" + type
                + ",\"param1\":\"7001\"}").header("location").replaceAll(".*/", "");
        awaitDialplan(id, "[dp-custom-" + id + "]\nexten => s,1,VoiceMail(7001@default,u)\n same => n,Hangup()\n");
        // A template change rewrites the destinations' dialplan.
        assertEquals(200, admin.json("PUT", "/pbxapi/customtypes/" + type,
                "{\"template\":[\"VoiceMail(${param1}@default,b)\"]}").status());
        awaitDialplan(id, "[dp-custom-" + id + "]\nexten => s,1,VoiceMail(7001@default,b)\n");
        assertEquals("Dialplane custom destination " + id + ": Voicemail box", customRow(id).get("notes"));
        assertEquals(200, admin.json("PUT", "/pbxapi/customtypes/" + type, "{\"name\":\"Mailbox\"}").status());
        assertEquals("Dialplane custom destination " + id + ": Mailbox", customRow(id).get("notes"));
        ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/customtypes/" + type, "{\"param1_kind\":\"seconds\"}"), 409);
        Http.Response inUse = admin.send("DELETE", "/pbxapi/customtypes/" + type, null, Map.of());
        ContainerIT.assertProblem(inUse, 409);
        assertTrue(inUse.body(), inUse.json().get("detail").asText().contains(id));
        ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/customtypes/1", "{\"name\":\"Mine\"}"), 409);
        ContainerIT.assertProblem(admin.send("DELETE", "/pbxapi/customtypes/2", null, Map.of()), 409);
        ContainerIT.assertProblem(admin.json("POST", "/pbxapi/customtypes",
                "{\"name\":\"External number\",\"template\":[\"Hangup()\"]}"), 409);

        assertEquals(200, delete(id).status());
        assertEquals(200, admin.send("DELETE", "/pbxapi/customtypes/" + type, null, Map.of()).status());
        assertEquals(404, admin.get("/pbxapi/customtypes/" + type).status());
    }

    @Test
    public void whenSomethingRefersToIt_thenDelete409NamingTheUser() throws Exception {
        String id = admin.json("POST", "/pbxapi/customdestinations?reload=0", BOSS_PHONE).header("location")
                .replaceAll(".*/", "");
        String goto_ = "dp-custom-" + id + ",s,1";
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6900?reload=0", "{\"extension_list\":[\"200\"],"
                + "\"destination_if_no_answer\":\"" + goto_ + "\"}").status());
        Http.Response refused = delete(id);
        ContainerIT.assertProblem(refused, 409);
        assertTrue(refused.body(), refused.json().get("detail").asText().contains("ring group 6900 (postdest)"));
        assertEquals(200, admin.send("DELETE", "/pbxapi/ringgroups/6900?reload=0", null, Map.of()).status());

        // An inbound route written by IssabelPBX's own GUI.
        PbxSql.rows(context, "INSERT INTO incoming (cidnum, extension, destination) VALUES ('', '5559001', ?)", goto_);
        try {
            Http.Response route = delete(id);
            ContainerIT.assertProblem(route, 409);
            assertTrue(route.body(), route.json().get("detail").asText().contains("inbound route 5559001/"));
            assertEquals(1, PbxSql.rows(context, "SELECT * FROM custom_destinations WHERE custom_dest = ?", goto_).size());
        } finally {
            PbxSql.rows(context, "DELETE FROM incoming WHERE extension = '5559001'");
        }
        assertEquals(200, delete(id).status());
    }

    @Test
    public void whenKeyIsTenantOrReadOnly_thenTenantSeesOnlyItsOwnAndReadOnlyCannotWrite() {
        String adminToken = Logins.adminToken(http);
        String tenantA = Logins.tenant(http, adminToken, 8200, 8299);
        String tenantB = Logins.tenant(http, adminToken, 8300, 8399);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));

        assertEquals(200, keyA.get("/pbxapi/customtypes").status());
        ContainerIT.assertProblem(keyA.json("POST", "/pbxapi/customtypes", "{\"name\":\"T\",\"template\":[\"Hangup()\"]}"), 403);
        Http.Response created = keyA.json("POST", "/pbxapi/customdestinations?reload=0", BOSS_PHONE);
        assertEquals(created.toString(), 201, created.status());
        String id = created.header("location").replaceAll(".*/", "");
        assertEquals(200, keyA.get("/pbxapi/customdestinations/" + id).status());
        assertEquals(404, keyB.get("/pbxapi/customdestinations/" + id).status());
        assertFalse(JsonAssert.texts(keyB.get("/pbxapi/customdestinations").json().get("results"), "id").contains(id));
        assertEquals(404, keyB.send("DELETE", "/pbxapi/customdestinations/" + id, null, Map.of()).status());
        ContainerIT.assertProblem(keyB.json("PUT", "/pbxapi/customdestinations/" + id, "{\"name\":\"Mine\"}"), 404);
        assertEquals(200, admin.get("/pbxapi/customdestinations/" + id).status());

        assertEquals(200, readOnly.get("/pbxapi/customdestinations/" + id).status());
        ContainerIT.assertProblem(readOnly.json("PUT", "/pbxapi/customdestinations/" + id, "{\"name\":\"X\"}"), 403);
        ContainerIT.assertProblem(readOnly.send("DELETE", "/pbxapi/customdestinations/" + id, null, Map.of()), 403);
        ContainerIT.assertProblem(readOnly.json("POST", "/pbxapi/customdestinations", BOSS_PHONE), 403);
        assertEquals(200, keyA.send("DELETE", "/pbxapi/customdestinations/" + id + "?reload=0", null, Map.of()).status());
    }

    @Test
    public void whenOpenApiRead_thenTheCustomResourcesAndHuntListsAreThere() {
        await("the custom resources are in the document", () -> http.get("/pbxapi/openapi.json").json().get("paths")
                .has("/pbxapi/customdestinations"));
        JsonNode document = http.get("/pbxapi/openapi.json").json();
        JsonNode paths = document.get("paths");
        for (String path : List.of("/pbxapi/customtypes", "/pbxapi/customtypes/{id}", "/pbxapi/customdestinations/{id}",
                "/pbxapi/ringgroups/{extension}/members")) {
            assertTrue(path, paths.has(path));
        }
        JsonNode schemas = document.get("components").get("schemas");
        assertEquals("[\"name\",\"type\"]", schemas.get("CustomDestinationCreate").get("required").toString());
        assertEquals(List.of("name", "type", "param1", "param2", "param3"),
                JsonAssert.names(schemas.get("CustomDestinationCreate").get("properties")));
        assertEquals("array", paths.get("/pbxapi/ringgroups/{extension}/members")
                .at("/put/requestBody/content/application~1json/schema/type").asText());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Http.Response delete(String ids) {
        return admin.send("DELETE", "/pbxapi/customdestinations/" + ids, null, Map.of());
    }

    private Map<String, String> customRow(String id) throws Exception {
        return PbxSql.row(context, "SELECT custom_dest, description, notes FROM custom_destinations WHERE custom_dest = ?",
                "dp-custom-" + id + ",s,1");
    }

    private long customCount() throws Exception {
        return Long.parseLong(PbxSql.row(context, "SELECT COUNT(*) AS n FROM custom_destinations").get("n"));
    }

    private String dialplan() {
        try {
            Path file = etc().resolve("extensions_dialplane.conf");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitDialplan(String id, String text) {
        await("dp-custom-" + id + " in the dialplan holds " + text, () -> dialplan().contains(text));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void assertInvalid(Http.Response response, String field) {
        ContainerIT.assertProblem(response, 422);
        assertEquals(response.body(), List.of(field), JsonAssert.texts(response.json().get("errors"), "field"));
    }
}
