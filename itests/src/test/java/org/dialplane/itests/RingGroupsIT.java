package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/ringgroups}: every ring group example of Issabel's pbxapi README (on the right paths), the
 * storage IssabelPBX's own GUI reads, and the errors a client gets.
 */
public class RingGroupsIT extends DialplaneTestSupport {
    private static final String SALES = "{\"name\":\"Sales\",\"strategy\":\"ringall\",\"extension_list\":[\"200\",\"201\"]}";
    /** The seed's first example, the list, with the ring group its PUT example creates. */
    private static final String SEED_LIST = "{\"results\":[{\"change_callerid\":\"default\","
            + "\"destination\":\"from-internal,600,1\",\"extension\":\"600\",\"extension_list\":[\"200\",\"201\"],"
            + "\"fixed_callerid\":\"\",\"id\":\"600\",\"name\":\"Sales\",\"strategy\":\"ringall\"}]}";
    /** The seed's second example: the same ring group with {@code fields=*}. */
    private static final String SEED_ALL_FIELDS = "{\"results\":[{\"alert_info\":\"\",\"announce_id\":0,"
            + "\"change_callerid\":\"default\",\"cid_name_prefix\":\"\",\"confirm_calls\":\"off\","
            + "\"destination\":\"from-internal,600,1\",\"destination_if_no_answer\":\"app-blackhole,hangup,1\","
            + "\"enable_call_pickup\":\"off\",\"extension\":\"600\",\"extension_list\":[\"200\",\"201\"],"
            + "\"fixed_callerid\":\"\",\"id\":\"600\",\"ignore_call_forward_settings\":\"off\","
            + "\"music_on_hold_ringing\":\"Ring\",\"name\":\"Sales\",\"recording\":\"dontcare\","
            + "\"remote_announce_id\":0,\"ring_time\":20,\"skip_busy_agent\":\"off\",\"strategy\":\"ringall\","
            + "\"too_late_announce_id\":0}]}";

    private Http admin;

    @Override
    protected Option options() {
        return composite(database(), Logins.adminPassword(), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    /** A fresh database of this class's own; {@link RingGroupsOnDumpIT} runs the same tests on the 2018 dump. */
    protected Option database() {
        return database("RingGroupsIT");
    }

    @Before
    public void login() {
        await("the ring groups resource answers", () -> http.get("/pbxapi/ringgroups").status() == 401);
        admin = asAdmin();
    }

    @Test
    public void whenSeedExamplesSent_thenAnswersAsDocumented() throws Exception {
        deleteEveryRingGroup();

        // POST (the seed posts to /extensions by mistake): on a system without ring groups, the first is 600.
        Http.Response posted = admin.json("POST", "/pbxapi/ringgroups",
                "{\"name\":\"Sales\",\"strategy\":\"ringall\",\"ring_time\":\"120\",\"extension_list\":[\"200\",\"201\"]}");
        assertEquals(posted.toString(), 201, posted.status());
        assertEquals("", posted.body());
        assertTrue(posted.header("location"), posted.header("location").matches("http://[^/]+/pbxapi/ringgroups/600"));
        JsonNode created = admin.get("/pbxapi/ringgroups/600?fields=ring_time,extension_list").json().get("results");
        assertEquals(JsonAssert.parse("[{\"ring_time\":120,\"extension_list\":[\"200\",\"201\"]}]"), created);
        assertEquals(200, delete("600").status());

        // PUT at a number (the seed says /ringgrouops): creates, 200 with Location.
        Http.Response put = admin.json("PUT", "/pbxapi/ringgroups/600", SALES);
        assertEquals(put.toString(), 200, put.status());
        assertEquals("", put.body());
        assertTrue(put.header("location"), put.header("location").matches("http://[^/]+/pbxapi/ringgroups/600"));

        // The two GET examples, value for value and in the seed's field order.
        Http.Response list = admin.get("/pbxapi/ringgroups");
        assertEquals(200, list.status());
        assertTrue(list.header("content-type"), list.header("content-type").startsWith("application/json"));
        JsonAssert.assertSameResults(SEED_LIST, list.json());
        Http.Response one = admin.get("/pbxapi/ringgroups/600?fields=*");
        assertEquals(200, one.status());
        JsonAssert.assertSameResults(SEED_ALL_FIELDS, one.json());

        // POST again: the next free number above the lowest ring group.
        Http.Response next = admin.json("POST", "/pbxapi/ringgroups", "{\"extension_list\":[\"200\"]}");
        assertEquals(201, next.status());
        assertTrue(next.header("location"), next.header("location").endsWith("/pbxapi/ringgroups/601"));

        // UPDATE: only the name changes, no Location.
        Http.Response renamed = admin.json("PUT", "/pbxapi/ringgroups/600", "{\"name\":\"NewName\"}");
        assertEquals(200, renamed.status());
        assertNull(renamed.header("location"));
        assertEquals("", renamed.body());
        JsonAssert.assertSameResults(SEED_ALL_FIELDS.replace("\"Sales\"", "\"NewName\""), admin.get("/pbxapi/ringgroups/600?fields=*").json());

        // DELETE one, then two at once.
        Http.Response deleted = delete("600");
        assertEquals(200, deleted.status());
        assertEquals("", deleted.body());
        assertEquals(404, admin.get("/pbxapi/ringgroups/600").status());
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/610", SALES).status());
        assertEquals(200, delete("601,610").status());
        assertEquals(0, admin.get("/pbxapi/ringgroups").json().get("results").size());
    }

    @Test
    public void whenRingGroupWritten_thenStoredAsIssabelPbxStoresIt() throws SQLException {
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6100?reload=0", "{\"name\":\"Support\","
                + "\"extension_list\":[\"200\",\"5551234#\"],\"confirm_calls\":\"on\",\"skip_busy_agent\":true,"
                + "\"enable_call_pickup\":\"off\",\"change_callerid\":\"fixed\",\"fixed_callerid\":\"+15551234\"}")
                .status());
        Map<String, String> row = row("SELECT grpnum, strategy, grptime, grppre, grplist, annmsg_id, postdest,"
                + " description, alertinfo, remotealert_id, needsconf, toolate_id, ringing, cwignore, cfignore,"
                + " cpickup, recording FROM ringgroups WHERE grpnum = ?", "6100");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("grpnum", "6100");
        expected.put("strategy", "ringall");
        expected.put("grptime", "20");
        expected.put("grppre", "");
        expected.put("grplist", "200-5551234#");
        expected.put("annmsg_id", "0");
        expected.put("postdest", "app-blackhole,hangup,1");
        expected.put("description", "Support");
        expected.put("alertinfo", "");
        expected.put("remotealert_id", "0");
        expected.put("needsconf", "CHECKED");
        expected.put("toolate_id", "0");
        expected.put("ringing", "Ring");
        expected.put("cwignore", "CHECKED");
        expected.put("cfignore", "");
        expected.put("cpickup", "");
        expected.put("recording", "dontcare");
        assertEquals(expected, row);
        assertEquals(Map.of("keyname", "6100/changecid", "value", "fixed"), row(
                "SELECT keyname, value FROM dp_astdb WHERE family = 'RINGGROUP' AND keyname = ?", "6100/changecid"));
        assertEquals(Map.of("keyname", "6100/fixedcid", "value", "+15551234"), row(
                "SELECT keyname, value FROM dp_astdb WHERE family = 'RINGGROUP' AND keyname = ?", "6100/fixedcid"));

        assertEquals(200, delete("6100").status());
        assertNull(row("SELECT keyname FROM dp_astdb WHERE family = 'RINGGROUP' AND keyname LIKE ?", "6100/%"));
    }

    @Test
    public void whenBodyInvalid_then422NamingTheField() {
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups", "{\"name\":\"No members\"}"), "extension_list");
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups", "{\"extension_list\":[]}"), "extension_list");
        assertInvalid(admin.json("PUT", "/pbxapi/ringgroups/6200", "{\"name\":\"No members\"}"), "extension_list");
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups", "{\"extension_list\":[\"200\"],\"strategy\":\"random\"}"),
                "strategy");
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups", "{\"extension_list\":[\"200\"],\"ring_time\":0}"),
                "ring_time");
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups", "{\"extension_list\":[\"200\"],\"ring_time\":\"301\"}"),
                "ring_time");
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups", "{\"extension_list\":[\"20-1\"]}"), "extension_list");
        assertInvalid(admin.json("POST", "/pbxapi/ringgroups",
                "{\"extension_list\":[\"200\"],\"confirm_calls\":\"maybe\"}"), "confirm_calls");

        Http.Response several = admin.json("POST", "/pbxapi/ringgroups",
                "{\"strategy\":\"random\",\"ring_time\":301,\"recording\":\"sometimes\"}");
        assertEquals(422, several.status());
        assertEquals(new TreeSet<>(List.of("extension_list", "strategy", "ring_time", "recording")),
                new TreeSet<>(JsonAssert.texts(several.json().get("errors"), "field")));

        assertEquals(404, admin.get("/pbxapi/ringgroups/6200").status());
        assertEquals(400, admin.json("PUT", "/pbxapi/ringgroups/62ab", SALES).status());
        assertEquals(400, admin.json("POST", "/pbxapi/ringgroups", "{\"name\":").status());
        assertEquals(400, admin.json("POST", "/pbxapi/ringgroups?reload=maybe", SALES).status());
    }

    @Test
    public void whenNumberTakenByAnExtension_then409Conflict() {
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/7100?reload=0", "{}").status());
        Http.Response put = admin.json("PUT", "/pbxapi/ringgroups/7100?reload=0", SALES);
        assertEquals(put.toString(), 409, put.status());
        ContainerIT.assertProblem(put, 409);
        Http.Response post = admin.json("POST", "/pbxapi/ringgroups?reload=0",
                "{\"extension\":\"7100\",\"extension_list\":[\"200\"]}");
        assertEquals(409, post.status());
        ContainerIT.assertProblem(post, 409);
        assertEquals(404, admin.get("/pbxapi/ringgroups/7100").status());

        // And the other way round: an extension cannot take a ring group's number.
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/7101?reload=0", SALES).status());
        assertEquals(409, admin.json("PUT", "/pbxapi/extensions/7101?reload=0", "{}").status());
        assertEquals(200, delete("7101").status());
    }

    @Test
    public void whenPartialPut_thenOtherFieldsKept() throws Exception {
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/7200?reload=0", "{\"name\":\"Front desk\","
                + "\"strategy\":\"hunt\",\"ring_time\":45,\"extension_list\":[\"200\",\"201\",\"202\"],"
                + "\"cid_name_prefix\":\"FD:\",\"confirm_calls\":\"on\",\"music_on_hold_ringing\":\"default\","
                + "\"recording\":\"always\",\"change_callerid\":\"fixed\",\"fixed_callerid\":\"5551000\"}").status());
        JsonNode before = admin.get("/pbxapi/ringgroups/7200?fields=*").json().get("results").get(0);

        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/7200?reload=0", "{\"ring_time\":\"60\"}").status());
        JsonNode after = admin.get("/pbxapi/ringgroups/7200?fields=*").json().get("results").get(0);
        assertEquals(60, after.get("ring_time").asInt());
        assertTrue(after.get("ring_time").isNumber());
        ((com.fasterxml.jackson.databind.node.ObjectNode) before).put("ring_time", 60);
        assertEquals(before, after);

        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/7200?reload=0",
                "{\"extension_list\":[\"203\"],\"confirm_calls\":false,\"change_callerid\":\"default\"}").status());
        assertInvalid(admin.json("PUT", "/pbxapi/ringgroups/7200?reload=0", "{\"extension_list\":[]}"), "extension_list");
        JsonNode changed = admin.get("/pbxapi/ringgroups/7200?fields=*").json().get("results").get(0);
        assertEquals(JsonAssert.parse("[\"203\"]"), changed.get("extension_list"));
        assertEquals("off", changed.get("confirm_calls").asText());
        assertEquals("default", changed.get("change_callerid").asText());
        assertEquals("5551000", changed.get("fixed_callerid").asText());
        assertEquals("Front desk", changed.get("name").asText());
        assertEquals("hunt", changed.get("strategy").asText());
        assertEquals(200, delete("7200").status());
    }

    @Test
    public void whenMultiDeleteHasOneMissing_then404AndNothingDeleted() {
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/7301?reload=0", SALES).status());
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/7302?reload=0", SALES).status());
        Http.Response missing = delete("7301,7399,7302");
        assertEquals(404, missing.status());
        ContainerIT.assertProblem(missing, 404);
        assertTrue(missing.body(), missing.json().get("detail").asText().contains("7399"));
        assertEquals(2, admin.get("/pbxapi/ringgroups/7301,7302").json().get("results").size());

        assertEquals(200, delete("7301,7302").status());
        assertEquals(404, admin.get("/pbxapi/ringgroups/7301").status());
        assertEquals(404, admin.get("/pbxapi/ringgroups/7302").status());
    }

    @Test
    public void whenListedWithPagingSearchAndFields_thenThatPageWithThoseFields() {
        for (int i = 0; i < 4; i++) {
            admin.json("PUT", "/pbxapi/ringgroups/" + (7400 + i) + "?reload=0",
                    "{\"name\":\"Pager " + i + "\",\"extension_list\":[\"200\"]}");
        }
        JsonNode page = admin.get("/pbxapi/ringgroups?search=Pager&limit=2&offset=1&order=extension&direction=desc")
                .json();
        assertEquals(4, page.get("total").asInt());
        assertEquals(2, page.get("results").size());
        assertEquals("7402", page.get("results").get(0).get("extension").asText());
        JsonNode narrow = admin.get("/pbxapi/ringgroups/7400?fields=name,ring_time").json().get("results").get(0);
        assertEquals(List.of("name", "ring_time"), JsonAssert.names(narrow));
        assertEquals(400, admin.get("/pbxapi/ringgroups?fields=grplist").status());
        assertEquals(400, admin.get("/pbxapi/ringgroups?order=extension_list").status());
        assertEquals(200, delete("7400,7401,7402,7403").status());
    }

    @Test
    public void whenNoCredentials_then401AndNothingShown() {
        assertEquals(401, http.get("/pbxapi/ringgroups").status());
        assertEquals(401, http.json("POST", "/pbxapi/ringgroups", SALES).status());
    }

    @Test
    public void whenBundleStopsAndStarts_thenTheRestKeepsAnswering() throws Exception {
        Bundle ringGroups = bundle("org.dialplane.ringgroups");
        ringGroups.stop();
        try {
            await("ring groups are gone", () -> admin.get("/pbxapi/ringgroups").status() == 404);
            // A feature bundle is down: health says so (503 degraded, naming it), and the rest keeps answering.
            // Health keeps its evaluation for a moment (200 ms): wait for it to see the change.
            await("health is degraded", () -> http.get("/pbxapi/system/health").status() == 503);
            Http.Response health = http.get("/pbxapi/system/health");
            assertEquals(health.toString(), 503, health.status());
            assertTrue(health.body(), health.body().contains("org.dialplane.ringgroups"));
            assertEquals(200, admin.get("/pbxapi/extensions").status());
        } finally {
            ringGroups.start();
        }
        await("ring groups are back", () -> admin.get("/pbxapi/ringgroups").status() == 200);
        assertEquals(Bundle.ACTIVE, ringGroups.getState());
    }

    @Test
    public void whenFiftyPostsConcurrent_thenFiftyDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> numbers = new ArrayList<>();
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> admin.json("POST", "/pbxapi/ringgroups?reload=0", SALES)));
            }
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                assertEquals(response.toString(), 201, response.status());
                String location = response.header("location");
                numbers.add(location.substring(location.lastIndexOf('/') + 1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, new TreeSet<>(numbers).size());
        assertEquals(200, delete(String.join(",", numbers)).status());
    }

    @Test
    public void whenKeyIsTenantOrReadOnly_thenTenantSeesOnlyItsOwnAndReadOnlyCannotWrite() {
        Http.Response login = http.send("POST", "/pbxapi/authenticate", "user=admin&password=" + Logins.ADMIN_PASSWORD,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        String adminToken = login.json().get("access_token").asText();
        String tenantA = Logins.tenant(http, adminToken, 8000, 8099);
        String tenantB = Logins.tenant(http, adminToken, 8100, 8199);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));

        // A tenant's ring group rings the tenant's own extensions (whenTenantListsAnotherTenantsNumber_...).
        assertEquals(200, keyA.json("PUT", "/pbxapi/extensions/8098?reload=0", "{}").status());
        assertEquals(200, keyA.json("PUT", "/pbxapi/extensions/8099?reload=0", "{}").status());
        String sales = SALES.replace("[\"200\",\"201\"]", "[\"8098\",\"8099\"]");
        Http.Response created = keyA.json("POST", "/pbxapi/ringgroups?reload=0", sales);
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("location"), created.header("location").endsWith("/pbxapi/ringgroups/8000"));
        assertEquals(200, keyA.get("/pbxapi/ringgroups/8000").status());
        assertInvalid(keyA.json("PUT", "/pbxapi/ringgroups/8150?reload=0", sales), "extension");

        assertEquals(404, keyB.get("/pbxapi/ringgroups/8000").status());
        assertEquals(404, keyB.send("DELETE", "/pbxapi/ringgroups/8000?reload=0", null, Map.of()).status());
        assertTrue(JsonAssert.texts(keyB.get("/pbxapi/ringgroups").json().get("results"), "id").isEmpty());
        Http.Response otherTenants = keyB.json("PUT", "/pbxapi/ringgroups/8000?reload=0", "{\"name\":\"Hijack\"}");
        assertEquals(otherTenants.toString(), 404, otherTenants.status()); // not 409: nothing tells B it exists
        assertEquals(200, admin.get("/pbxapi/ringgroups/8000").status());

        assertEquals(200, readOnly.get("/pbxapi/ringgroups/8000").status());
        Http.Response refused = readOnly.json("PUT", "/pbxapi/ringgroups/8000?reload=0", "{\"name\":\"Hijack\"}");
        assertEquals(403, refused.status());
        ContainerIT.assertProblem(refused, 403);
        assertEquals(403, readOnly.send("DELETE", "/pbxapi/ringgroups/8000", null, Map.of()).status());
        assertEquals(200, keyA.send("DELETE", "/pbxapi/ringgroups/8000?reload=0", null, Map.of()).status());
    }

    @Test
    public void whenTenantListsAnotherTenantsNumber_thenRefusedAsANumberOfNobodyIs() {
        String adminToken = Logins.adminToken(http);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\""
                + Logins.tenant(http, adminToken, 8200, 8299) + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\""
                + Logins.tenant(http, adminToken, 8300, 8399) + "\"}"));
        assertEquals(200, keyA.json("PUT", "/pbxapi/extensions/8201?reload=0", "{}").status());
        assertEquals(200, keyB.json("PUT", "/pbxapi/extensions/8301?reload=0", "{}").status());

        Http.Response othersPhone = keyB.json("POST", "/pbxapi/ringgroups?reload=0", members("8201"));
        assertInvalid(othersPhone, "extension_list[0]");
        assertEquals("extension_list[0]: '8201' is not an extension of your tenant",
                othersPhone.json().get("detail").asText());
        // A number of nobody's, in A's range or in no range: the same words, so B learns nothing of A's numbers.
        for (String nobodys : List.of("8299", "99999")) {
            Http.Response free = keyB.json("POST", "/pbxapi/ringgroups?reload=0", members(nobodys));
            assertInvalid(free, "extension_list[0]");
            assertEquals(othersPhone.json().get("detail").asText().replace("8201", nobodys),
                    free.json().get("detail").asText());
        }
        assertInvalid(keyB.json("POST", "/pbxapi/ringgroups?reload=0", members("8301", "8201")), "extension_list[1]");
        // An external number only as one of B's own custom destinations dials it; A's extension with # is not one.
        assertInvalid(keyB.json("POST", "/pbxapi/ringgroups?reload=0", members("8201#")), "extension_list[0]");
        assertInvalid(keyB.json("POST", "/pbxapi/ringgroups?reload=0", members("3564732920#")), "extension_list[0]");
        Http.Response custom = keyB.json("POST", "/pbxapi/customdestinations?reload=0", CustomDestinationsIT.BOSS_PHONE);
        assertEquals(custom.toString(), 201, custom.status());
        Http.Response own = keyB.json("POST", "/pbxapi/ringgroups?reload=0", members("8301", "3564732920#"));
        assertEquals(own.toString(), 201, own.status());
        String group = own.header("location").replaceAll("^.*/pbxapi/", "/pbxapi/");

        // Updates and creates at a number are held to the rule too; nothing is written when refused.
        assertInvalid(keyB.json("PUT", group + "?reload=0", members("8201")), "extension_list[0]");
        assertEquals(JsonAssert.parse("[\"8301\",\"3564732920#\"]"),
                keyB.get(group).json().get("results").get(0).get("extension_list"));
        assertInvalid(keyB.json("PUT", "/pbxapi/ringgroups/8350?reload=0", members("8201")), "extension_list[0]");
        assertEquals(404, keyB.get("/pbxapi/ringgroups/8350").status());
        assertEquals(200, keyB.json("PUT", group + "?reload=0", "{\"name\":\"Renamed\"}").status());

        // Global callers keep IssabelPBX's freedom.
        Http.Response global = admin.json("POST", "/pbxapi/ringgroups?reload=0", members("8201", "8301", "555#"));
        assertEquals(global.toString(), 201, global.status());
        assertEquals(200, admin.send("DELETE", global.header("location").replaceAll("^.*/pbxapi/", "/pbxapi/")
                + "?reload=0", null, Map.of()).status());
        assertEquals(200, keyB.send("DELETE", group + "?reload=0", null, Map.of()).status());
        assertEquals(200, keyB.send("DELETE", custom.header("location").replaceAll("^.*/pbxapi/", "/pbxapi/")
                + "?reload=0", null, Map.of()).status());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A ring group body with these members. */
    private static String members(String... members) {
        return "{\"extension_list\":[\"" + String.join("\",\"", members) + "\"]}";
    }

    /** Deletes the ring groups as the admin. */
    private Http.Response delete(String ids) {
        return admin.send("DELETE", "/pbxapi/ringgroups/" + ids + "?reload=0", null, Map.of());
    }

    private void deleteEveryRingGroup() {
        List<String> ids = JsonAssert.texts(admin.get("/pbxapi/ringgroups").json().get("results"), "id");
        if (!ids.isEmpty()) {
            assertEquals(200, delete(String.join(",", ids)).status());
        }
    }

    private static void assertInvalid(Http.Response response, String field) {
        assertEquals(response.toString(), 422, response.status());
        ContainerIT.assertProblem(response, 422);
        assertEquals(response.body(), List.of(field), JsonAssert.texts(response.json().get("errors"), "field"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** One row of the PBX database as column -> text, or null when there is none. */
    private Map<String, String> row(String sql, String parameter) throws SQLException {
        return PbxSql.row(context, sql, parameter);
    }
}
