package org.dialplane.itests;

import static org.dialplane.itests.ImportJobs.JOB_DEADLINE;
import static org.dialplane.itests.ImportJobs.applies;
import static org.dialplane.itests.ImportJobs.awaitJob;
import static org.dialplane.itests.ImportJobs.path;
import static org.dialplane.itests.ImportJobs.postCsv;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /pbxapi/ringgroups/import} and {@code GET /pbxapi/ringgroups?format=csv}, against the real database
 * and the fake AMI over TCP: CSV and JSON, creates and updates as POST and PUT do them, every bad row named, all or
 * nothing, partial=1, a tenant's members held to the ring group rule, the job's progress on the event stream, one
 * apply, and an export that imports back to the same file.
 */
public class RingGroupsImportIT extends DialplaneTestSupport {
    private static final Path APPLIED = Path.of(System.getProperty("dialplane.test.work"),
            "RingGroupsImportIT-applied.log").toAbsolutePath();
    private static final String IMPORT = "/pbxapi/ringgroups/import";

    private String adminToken;
    private Http admin;

    @Override
    protected Option options() {
        return composite(database("RingGroupsImportIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()),
                frameworkProperty("dialplane.apply.command").value("/bin/sh -c \"echo applied >> '" + APPLIED + "'\""));
    }

    @Before
    public void fakeAmiRuns() {
        AmiPeers.of(this);
        await("the import resource answers", () -> http.send("POST", IMPORT, "[]",
                Map.of("Content-Type", "application/json")).status() == 401);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
    }

    @Test
    public void whenCsvCreatesAndJsonUpdates_thenAsPostAndPutDoWithOneApplyEach() {
        int applies = applies(APPLIED);
        Http.Response accepted = postCsv(admin, IMPORT, "extension,name,extension_list,ring_time,strategy,"
                + "confirm_calls\r\n6001,Sales,201-202-5551234#,30,hunt,on\r\n6002,Support,203,,,\r\n");
        assertEquals(accepted.toString(), 202, accepted.status());
        String location = accepted.header("location");
        assertTrue(location, location.matches("http://[^/]+/pbxapi/jobs/[0-9a-f-]{36}"));
        assertEquals(2, accepted.json().get("total").asInt());
        assertEquals("ringgroups.import", accepted.json().get("kind").asText());
        JsonNode done = awaitJob(admin, path(accepted));
        assertEquals(done.toString(), "done", done.get("state").asText());
        assertEquals(2, done.get("created").asInt());
        assertEquals(2, done.get("done").asInt());

        JsonNode sales = one(admin, "6001", "fields=*");
        assertEquals(JsonAssert.parse("[\"201\",\"202\",\"5551234#\"]"), sales.get("extension_list"));
        assertEquals(30, sales.get("ring_time").asInt());
        assertEquals("hunt", sales.get("strategy").asText());
        assertEquals("on", sales.get("confirm_calls").asText());
        assertEquals("default", sales.get("change_callerid").asText());
        JsonNode support = one(admin, "6002", "fields=*");
        assertEquals("a new group gets POST's defaults", 20, support.get("ring_time").asInt());
        assertEquals("ringall", support.get("strategy").asText());
        assertEquals("off", support.get("confirm_calls").asText());
        await("the import's apply ran", JOB_DEADLINE, () -> applies(APPLIED) > applies);
        assertEquals("one apply for the whole import", applies + 1, applies(APPLIED));

        Http.Response json = admin.send("POST", IMPORT, "[{\"extension\":\"6001\",\"name\":\"Sales 2\","
                + "\"change_callerid\":\"fixed\",\"fixed_callerid\":\"5550000\"},{\"extension\":6003,"
                + "\"extension_list\":[\"204\",205]}]", Map.of("Content-Type", "application/json"));
        assertEquals(json.toString(), 202, json.status());
        done = awaitJob(admin, path(json));
        assertEquals(done.toString(), 1, done.get("created").asInt());
        assertEquals(1, done.get("updated").asInt());
        sales = one(admin, "6001", "fields=*");
        assertEquals("Sales 2", sales.get("name").asText());
        assertEquals("fixed", sales.get("change_callerid").asText());
        assertEquals("5550000", sales.get("fixed_callerid").asText());
        assertEquals("the fields not sent stay as they were", 30, sales.get("ring_time").asInt());
        assertEquals(JsonAssert.parse("[\"201\",\"202\",\"5551234#\"]"), sales.get("extension_list"));
        assertEquals(JsonAssert.parse("[\"204\",\"205\"]"), one(admin, "6003", "fields=extension_list")
                .get("extension_list"));
        await("the second import's apply ran", JOB_DEADLINE, () -> applies(APPLIED) > applies + 1);
    }

    @Test
    public void whenRowsAreBad_then422NamingEachLineAndNothingWritten() {
        Http.Response refused = postCsv(admin, IMPORT + "?reload=0", badRows());
        assertEquals(refused.toString(), 422, refused.status());
        ContainerIT.assertProblem(refused, 422);
        Map<String, String> errors = new HashMap<>();
        refused.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        assertEquals(refused.body(), Set.of("line 3: strategy", "line 4: ring_time", "line 5: extension",
                "line 6: extension", "line 7: extension", "line 8: extension_list", "line 9: extension_list"),
                errors.keySet());
        assertTrue(errors.get("line 5: extension"), errors.get("line 5: extension").contains("first at line 2"));
        assertTrue(errors.get("line 7: extension"), errors.get("line 7: extension").contains("in use"));
        assertTrue(errors.get("line 8: extension_list"), errors.get("line 8: extension_list").contains("required"));
        assertTrue(refused.json().get("detail").asText(), refused.json().get("detail").asText()
                .startsWith("7 of 8 rows are invalid; nothing was written"));
        assertEquals(404, admin.get("/pbxapi/ringgroups/6101").status());

        Http.Response listAsText = admin.send("POST", IMPORT + "?reload=0", "[{\"extension\":\"6110\","
                + "\"extension_list\":[\"201\"]},{\"extension\":\"6111\",\"extension_list\":\"201-202\"}]",
                Map.of("Content-Type", "application/json"));
        assertEquals(listAsText.toString(), 422, listAsText.status());
        ContainerIT.assertProblem(listAsText, 422);
        assertEquals("item 1: extension_list", listAsText.json().get("errors").get(0).get("field").asText());
        assertEquals(404, admin.get("/pbxapi/ringgroups/6110").status());

        Http.Response notAnArray = admin.send("POST", IMPORT, "{\"extension\":\"6112\"}",
                Map.of("Content-Type", "application/json"));
        assertEquals(notAnArray.toString(), 400, notAnArray.status());
        ContainerIT.assertProblem(notAnArray, 400);
        Http.Response unknownColumn = postCsv(admin, IMPORT, "extension,extension_lsit\r\n6113,201\r\n");
        assertEquals(unknownColumn.toString(), 400, unknownColumn.status());
        ContainerIT.assertProblem(unknownColumn, 400);
        assertTrue(unknownColumn.body(), unknownColumn.body().contains("extension_lsit"));
        Http.Response badPartial = postCsv(admin, IMPORT + "?partial=maybe", "extension\r\n");
        assertEquals(badPartial.toString(), 400, badPartial.status());
        ContainerIT.assertProblem(badPartial, 400);
    }

    @Test
    public void whenPartial_thenGoodRowsWrittenAndBadOnesInTheJob() {
        Http.Response accepted = postCsv(admin, IMPORT + "?reload=0&partial=1", badRows().replace("6101", "6201"));
        assertEquals(accepted.toString(), 202, accepted.status());
        JsonNode done = awaitJob(admin, path(accepted));
        assertEquals(done.toString(), "done", done.get("state").asText());
        assertEquals(1, done.get("created").asInt());
        assertEquals(8, done.get("done").asInt());
        Set<Integer> lines = new TreeSet<>();
        done.get("errors").forEach(e -> lines.add(e.get("line").asInt()));
        assertEquals(Set.of(3, 4, 5, 6, 7, 8, 9), lines);
        assertEquals(JsonAssert.parse("[\"201\"]"), one(admin, "6201", "fields=extension_list").get("extension_list"));
    }

    @Test
    public void whenTenantImports_thenOnlyItsRangeAndItsOwnMembersAndReadOnlyKeysRefused() {
        String tenantA = Logins.tenant(http, adminToken, 8400, 8499);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        String tenantB = Logins.tenant(http, adminToken, 8500, 8599);
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        assertEquals(200, keyA.json("PUT", "/pbxapi/extensions/8401?reload=0", "{}").status());
        assertEquals(200, keyB.json("PUT", "/pbxapi/extensions/8501?reload=0", "{}").status());
        assertEquals(200, keyB.json("PUT", "/pbxapi/extensions/8502?reload=0", "{}").status());

        Http.Response refused = postCsv(keyB, IMPORT + "?reload=0", "extension,extension_list\r\n8510,8501-8502\r\n"
                + "8511,8502-8401\r\n8600,8501\r\n8512,3564732920#\r\n8513,8599\r\n");
        assertEquals(refused.toString(), 422, refused.status());
        ContainerIT.assertProblem(refused, 422);
        Map<String, String> errors = new HashMap<>();
        refused.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        assertEquals(refused.body(), Set.of("line 3: extension_list[1]", "line 4: extension",
                "line 5: extension_list[0]", "line 6: extension_list[0]"), errors.keySet());
        assertEquals("'8401' is not an extension of your tenant", errors.get("line 3: extension_list[1]"));
        assertEquals("a number of nobody's reads as another tenant's", "'8599' is not an extension of your tenant",
                errors.get("line 6: extension_list[0]"));
        assertTrue(errors.get("line 4: extension"), errors.get("line 4: extension").contains("range 8500-8599"));
        assertEquals(404, keyB.get("/pbxapi/ringgroups/8510").status());

        Http.Response accepted = postCsv(keyB, IMPORT + "?reload=0", "extension,extension_list\r\n8510,8501-8502\r\n");
        assertEquals(accepted.toString(), 202, accepted.status());
        assertEquals("done", awaitJob(keyB, path(accepted)).get("state").asText());
        assertEquals(200, keyB.get("/pbxapi/ringgroups/8510").status());
        assertEquals("another tenant's job is not found", 404, keyA.get(path(accepted)).status());

        Http.Response othersGroup = keyA.send("POST", IMPORT + "?reload=0", "[{\"extension\":\"8510\",\"name\":"
                + "\"Hijack\"}]", Map.of("Content-Type", "application/json"));
        assertEquals(othersGroup.toString(), 422, othersGroup.status());
        assertEquals("item 0: extension", othersGroup.json().get("errors").get(0).get("field").asText());
        Http.Response othersMembers = keyB.send("POST", IMPORT + "?reload=0", "[{\"extension\":\"8510\","
                + "\"extension_list\":[\"8401\"]}]", Map.of("Content-Type", "application/json"));
        assertEquals(othersMembers.toString(), 422, othersMembers.status());
        assertEquals("an update is held to the rule too", "item 0: extension_list[0]",
                othersMembers.json().get("errors").get(0).get("field").asText());
        assertEquals(JsonAssert.parse("[\"8501\",\"8502\"]"), one(keyB, "8510", "fields=extension_list,name")
                .get("extension_list"));
        assertEquals("Ring Group 8510", one(keyB, "8510", "fields=name").get("name").asText());

        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));
        Http.Response forbidden = postCsv(readOnly, IMPORT, "extension,extension_list\r\n6300,201\r\n");
        assertEquals(forbidden.toString(), 403, forbidden.status());
        ContainerIT.assertProblem(forbidden, 403);
        assertEquals(404, admin.get("/pbxapi/ringgroups/6300").status());
        Http.Response readOnlyExport = readOnly.get("/pbxapi/ringgroups?format=csv&search=8510");
        assertEquals(readOnlyExport.toString(), 200, readOnlyExport.status());
        assertTrue(readOnlyExport.body(), readOnlyExport.body().contains("8501-8502"));
    }

    @Test
    public void whenExportedDeletedAndImported_thenTheSameCsv() {
        String tenant = Logins.tenant(http, adminToken, 8700, 8799);
        Http owner = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rt\",\"tenant\":\"" + tenant + "\"}"));
        for (String extension : List.of("8701", "8702", "8703")) {
            assertEquals(200, owner.json("PUT", "/pbxapi/extensions/" + extension + "?reload=0", "{}").status());
        }
        Http.Response seeded = owner.send("POST", IMPORT + "?reload=0", "[{\"extension\":\"8750\",\"name\":"
                + "\"=HYPERLINK(1)\",\"extension_list\":[\"8701\",\"8702\"],\"ring_time\":45,\"confirm_calls\":true,"
                + "\"change_callerid\":\"fixed\",\"fixed_callerid\":\"+15551234\"},{\"extension\":\"8751\",\"name\":"
                + "\"Smith, \\\"Jo\\\"\",\"extension_list\":[\"8703\"],\"strategy\":\"memoryhunt\",\"recording\":"
                + "\"never\"},{\"extension\":\"8752\",\"name\":\"-minus\",\"extension_list\":[\"8703\",\"8701\"],"
                + "\"destination_if_no_answer\":\"ext-local,8701,1\"}]", Map.of("Content-Type", "application/json"));
        assertEquals(seeded.toString(), 202, seeded.status());
        assertEquals("done", awaitJob(owner, path(seeded)).get("state").asText());

        Http.Response exported = owner.get("/pbxapi/ringgroups?format=csv");
        assertEquals(exported.toString(), 200, exported.status());
        assertTrue(exported.header("content-type"), exported.header("content-type").startsWith("text/csv"));
        String defaults = exported.body();
        assertTrue(defaults, defaults.startsWith("change_callerid,destination,extension,extension_list,"
                + "fixed_callerid,id,name,strategy\r\n"));
        assertTrue(defaults, defaults.contains("fixed,\"from-internal,8750,1\",8750,8701-8702,\"'+15551234\",8750,"
                + "\"'=HYPERLINK(1)\",ringall\r\n"));
        assertTrue(defaults, defaults.contains(",8751,8703,,8751,\"Smith, \"\"Jo\"\"\",memoryhunt\r\n"));
        assertEquals(defaults, owner.send("GET", "/pbxapi/ringgroups", null, Map.of("Accept", "text/csv")).body());
        String everything = owner.get("/pbxapi/ringgroups?format=csv&fields=*").body();
        assertTrue(everything, everything.contains(",8752,8703-8701,"));

        assertEquals(200, owner.send("DELETE", "/pbxapi/ringgroups/8750,8751,8752?reload=0", null, Map.of())
                .status());
        assertEquals("", owner.get("/pbxapi/ringgroups?format=csv&fields=*").body().lines().skip(1)
                .reduce("", String::concat));
        Http.Response reimported = postCsv(owner, IMPORT + "?reload=0", everything);
        assertEquals(reimported.toString(), 202, reimported.status());
        assertEquals(3, awaitJob(owner, path(reimported)).get("created").asInt());
        assertEquals(everything, owner.get("/pbxapi/ringgroups?format=csv&fields=*").body());
        assertEquals(defaults, owner.get("/pbxapi/ringgroups?format=csv").body());
        assertEquals("=HYPERLINK(1)", one(owner, "8750", "fields=name").get("name").asText());

        Http.Response again = postCsv(owner, IMPORT + "?reload=0", everything);
        assertEquals(again.toString(), 202, again.status());
        assertEquals("an export imported over itself updates every row", 3,
                awaitJob(owner, path(again)).get("updated").asInt());
        assertEquals(everything, owner.get("/pbxapi/ringgroups?format=csv&fields=*").body());

        Http.Response badFormat = owner.get("/pbxapi/ringgroups?format=xls");
        assertEquals(badFormat.toString(), 400, badFormat.status());
        ContainerIT.assertProblem(badFormat, 400);
    }

    @Test
    public void whenImportRuns_thenItsProgressIsOnTheEventStream() throws Exception {
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        try (SseClient stream = SseClient.connect(port(), "/pbxapi/events?types=job.progress",
                Map.of("Authorization", "Bearer " + adminToken))) {
            StringBuilder csv = new StringBuilder("extension,extension_list\r\n");
            for (int n = 610000; n < 611200; n++) {
                csv.append(n).append(",201-202\r\n");
            }
            Http.Response accepted = postCsv(admin, IMPORT + "?reload=0", csv.toString());
            assertEquals(accepted.toString(), 202, accepted.status());
            String id = accepted.json().get("id").asText();
            List<SseClient.Event> before = new ArrayList<>();
            SseClient.Event done = stream.until(event -> id.equals(event.data().get("job").asText())
                    && "done".equals(event.data().get("state").asText()), JOB_DEADLINE, before);
            assertEquals(1200, done.data().get("created").asInt());
            assertEquals("ringgroups.import", done.data().get("kind").asText());
            assertEquals("/pbxapi/jobs/" + id, done.data().get("location").asText());
            assertTrue(before.toString(), before.stream().anyMatch(e -> id.equals(e.data().get("job").asText())
                    && "running".equals(e.data().get("state").asText()) && e.data().get("done").asInt() > 0
                    && e.data().get("done").asInt() < 1200));
        }
        JsonNode page = admin.get("/pbxapi/ringgroups?limit=1&search=6111&total=1").json();
        assertEquals(page.toString(), 100, page.get("total").asInt());
    }

    /**
     * Lines 2-9: a good row; a bad strategy; a bad ring time; line 2's number again; no number; an extension's
     * number; a new group without members; an empty member.
     */
    private String badRows() {
        Http.Response taken = admin.json("PUT", "/pbxapi/extensions/6106?reload=0", "{\"name\":\"Taken\"}");
        assertTrue(taken.toString(), taken.status() == 200);
        return "extension,name,extension_list,strategy,ring_time\r\n6101,Good,201,,\r\n6102,Bad,201,sometimes,\r\n"
                + "6103,Soon,201,,soon\r\n6101,Again,202,,\r\n,No number,201,,\r\n6106,Taken,201,,\r\n"
                + "6107,No members,,,\r\n6108,Empty member,201--202,,\r\n";
    }

    private static JsonNode one(Http client, String number, String query) {
        Http.Response response = client.get("/pbxapi/ringgroups/" + number + "?" + query);
        assertEquals(response.toString(), 200, response.status());
        return response.json().get("results").get(0);
    }
}
