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

import java.io.IOException;
import java.nio.file.Files;
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
 * {@code POST /pbxapi/extensions/import} and {@code GET /pbxapi/extensions?format=csv}, against the real database
 * and the fake AMI over TCP: 10,000 rows timed, every bad row named, all or nothing, partial=1, the job's progress
 * while it runs and on the event stream, tenancy, one apply, and an export that imports back to the same file.
 */
public class ExtensionsImportIT extends DialplaneTestSupport {
    private static final Path APPLIED = Path.of(System.getProperty("dialplane.test.work"),
            "ExtensionsImportIT-applied.log").toAbsolutePath();
    private static final String IMPORT = "/pbxapi/extensions/import";

    private String adminToken;
    private Http admin;

    @Override
    protected Option options() {
        return composite(database("ExtensionsImportIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
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
    public void whenTenThousandRowsImportedAsCsv_thenAllCreatedByOneJobWhoseProgressShows() {
        StringBuilder csv = new StringBuilder("extension,name,secret\r\n");
        for (int n = 100000; n < 110000; n++) {
            csv.append(n).append(",Bulk ").append(n).append(",pw").append(n).append("x\r\n");
        }
        long start = System.nanoTime();
        Http.Response accepted = postCsv(admin, IMPORT + "?reload=0", csv.toString());
        assertEquals(accepted.toString(), 202, accepted.status());
        String location = accepted.header("location");
        assertTrue(location, location.matches("http://[^/]+/pbxapi/jobs/[0-9a-f-]{36}"));
        String job = location.substring(location.indexOf("/pbxapi/"));
        assertEquals(10000, accepted.json().get("total").asInt());

        List<JsonNode> seen = new ArrayList<>();
        JsonNode done = awaitJob(admin, job, seen);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ExtensionsImportIT: 10,000 extensions imported (CSV) in %d ms, %.3f ms a row,"
                + " load average %s%n", millis, millis / 10000.0, loadAverage());

        assertEquals(done.toString(), "done", done.get("state").asText());
        assertEquals(10000, done.get("done").asInt());
        assertEquals(10000, done.get("created").asInt());
        assertEquals(0, done.get("updated").asInt());
        assertTrue(done.toString(), !done.has("errors") || done.get("errors").isEmpty());
        assertTrue("progress was seen while the job ran: " + seen, seen.stream()
                .anyMatch(s -> "running".equals(s.get("state").asText()) && s.get("done").asInt() < 10000));
        JsonNode one = admin.get("/pbxapi/extensions/105000").json().get("results").get(0);
        assertEquals("Bulk 105000", one.get("name").asText());
        assertEquals("pw105000x", one.get("secret").asText());
        assertEquals("SIP/105000", one.get("dial").asText());
        JsonNode page = admin.get("/pbxapi/extensions?limit=2&search=Bulk%201099&total=1").json();
        assertEquals(page.toString(), 100, page.get("total").asInt());
    }

    @Test
    public void whenRowsAreBad_then422NamingEachLineAndNothingWritten() {
        Http.Response refused = postCsv(admin, IMPORT + "?reload=0", badRows());
        assertEquals(refused.toString(), 422, refused.status());
        ContainerIT.assertProblem(refused, 422);
        Map<String, String> errors = new HashMap<>();
        refused.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        assertEquals(refused.body(), Set.of("line 3: name", "line 4: ringtimer", "line 5: extension",
                "line 6: extension", "line 7: extension"), errors.keySet());
        assertTrue(errors.get("line 5: extension"), errors.get("line 5: extension").contains("first at line 2"));
        assertTrue(errors.get("line 7: extension"), errors.get("line 7: extension").contains("in use"));
        assertEquals(404, admin.get("/pbxapi/extensions/110001").status());

        Http.Response notJson = admin.send("POST", IMPORT, "{\"extension\":\"1\"}",
                Map.of("Content-Type", "application/json"));
        assertEquals(notJson.toString(), 400, notJson.status());
        ContainerIT.assertProblem(notJson, 400);
        Http.Response unknownColumn = postCsv(admin, IMPORT, "extension,nmae\r\n110009,X\r\n");
        assertEquals(unknownColumn.toString(), 400, unknownColumn.status());
        assertTrue(unknownColumn.body(), unknownColumn.body().contains("nmae"));
        Http.Response badItem = admin.send("POST", IMPORT + "?reload=0", "[{\"extension\":\"110010\"},"
                + "{\"extension\":\"110011\",\"voicemail\":\"sometimes\"}]", Map.of("Content-Type", "application/json"));
        assertEquals(badItem.toString(), 422, badItem.status());
        assertEquals("item 1: voicemail", badItem.json().get("errors").get(0).get("field").asText());
        assertEquals(404, admin.get("/pbxapi/extensions/110010").status());
    }

    @Test
    public void whenPartial_thenGoodRowsWrittenAndBadOnesInTheJob() {
        Http.Response accepted = postCsv(admin, IMPORT + "?reload=0&partial=1", badRows().replace("110001", "111001"));
        assertEquals(accepted.toString(), 202, accepted.status());
        JsonNode done = awaitJob(admin, path(accepted));
        assertEquals(done.toString(), "done", done.get("state").asText());
        assertEquals(1, done.get("created").asInt());
        assertEquals(6, done.get("done").asInt());
        Set<Integer> lines = new TreeSet<>();
        done.get("errors").forEach(e -> lines.add(e.get("line").asInt()));
        assertEquals(Set.of(3, 4, 5, 6, 7), lines);
        assertEquals(200, admin.get("/pbxapi/extensions/111001").status());
    }

    @Test
    public void whenJsonUpdatesAndCreates_thenAsPutDoesWithOneApply() throws IOException {
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/120001?reload=0",
                "{\"name\":\"Before\",\"ringtimer\":10}").status());
        int applies = applies(APPLIED);
        Http.Response accepted = admin.send("POST", IMPORT, "[{\"extension\":\"120001\",\"name\":\"After\","
                + "\"tech\":\"sip\"},{\"extension\":\"120002\",\"name\":\"New\",\"ringtimer\":\"15\"},"
                + "{\"extension\":\"120003\"}]", Map.of("Content-Type", "application/json"));
        assertEquals(accepted.toString(), 202, accepted.status());
        JsonNode done = awaitJob(admin, path(accepted));
        assertEquals(done.toString(), 2, done.get("created").asInt());
        assertEquals(1, done.get("updated").asInt());
        JsonNode updated = admin.get("/pbxapi/extensions/120001?fields=name,ringtimer").json().get("results").get(0);
        assertEquals("After", updated.get("name").asText());
        assertEquals("10", updated.get("ringtimer").asText());
        assertEquals("15", admin.get("/pbxapi/extensions/120002?fields=ringtimer").json().get("results").get(0)
                .get("ringtimer").asText());
        await("the import's apply ran", JOB_DEADLINE, () -> applies(APPLIED) > applies);
        assertEquals("one apply for the whole import", applies + 1, applies(APPLIED));

        Http.Response techChange = admin.send("POST", IMPORT, "[{\"extension\":\"120001\",\"tech\":\"pjsip\"}]",
                Map.of("Content-Type", "application/json"));
        assertEquals(techChange.toString(), 422, techChange.status());
        assertEquals("item 0: tech", techChange.json().get("errors").get(0).get("field").asText());
    }

    @Test
    public void whenTenantImports_thenOnlyInsideItsRangeAndSeesOnlyItsJobs() {
        String tenant = Logins.tenant(http, adminToken, 130000, 130999);
        String key = Logins.apiKey(http, adminToken, "{\"name\":\"importer\",\"tenant\":\"" + tenant + "\"}");
        Http tenantHttp = http.bearer(key);
        Http.Response outside = postCsv(tenantHttp, IMPORT + "?reload=0", "extension\r\n131000\r\n130001\r\n");
        assertEquals(outside.toString(), 422, outside.status());
        assertEquals("line 2: extension", outside.json().get("errors").get(0).get("field").asText());
        assertTrue(outside.body(), outside.body().contains("range 130000-130999"));

        Http.Response accepted = postCsv(tenantHttp, IMPORT + "?reload=0", "extension,name\r\n130001,Mine\r\n");
        assertEquals(accepted.toString(), 202, accepted.status());
        assertEquals("done", awaitJob(tenantHttp, path(accepted)).get("state").asText());
        assertEquals(200, tenantHttp.get("/pbxapi/extensions/130001").status());

        String other = Logins.tenant(http, adminToken, 132000, 132999);
        String otherKey = Logins.apiKey(http, adminToken, "{\"name\":\"other\",\"tenant\":\"" + other + "\"}");
        assertEquals(404, http.bearer(otherKey).get(path(accepted)).status());
        assertEquals(200, admin.get(path(accepted)).status());
        Http.Response unknown = admin.get("/pbxapi/jobs/00000000-0000-0000-0000-000000000000");
        assertEquals(404, unknown.status());
        ContainerIT.assertProblem(unknown, 404);
        Http.Response taken = postCsv(http.bearer(otherKey), IMPORT + "?reload=0", "extension\r\n130001\r\n");
        assertEquals(taken.toString(), 422, taken.status());

        String readOnly = Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}");
        Http.Response forbidden = postCsv(http.bearer(readOnly), IMPORT, "extension\r\n140900\r\n");
        assertEquals(forbidden.toString(), 403, forbidden.status());
        assertEquals(404, admin.get("/pbxapi/extensions/140900").status());
    }

    @Test
    public void whenExportedDeletedAndImported_thenTheSameCsv() {
        String tenant = Logins.tenant(http, adminToken, 150000, 150999);
        Http owner = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rt\",\"tenant\":\"" + tenant + "\"}"));
        Http.Response seeded = owner.send("POST", IMPORT + "?reload=0", "[{\"extension\":\"150001\",\"name\":"
                + "\"=HYPERLINK(1)\"},{\"extension\":\"150002\",\"name\":\"Smith, \\\"Jo\\\"\",\"tech\":\"pjsip\"},"
                + "{\"extension\":\"150003\",\"name\":\"-minus\",\"secret\":\"+plus-secret\"}]",
                Map.of("Content-Type", "application/json"));
        assertEquals(seeded.toString(), 202, seeded.status());
        awaitJob(owner, path(seeded));

        Http.Response exported = owner.get("/pbxapi/extensions?format=csv");
        assertEquals(exported.toString(), 200, exported.status());
        assertTrue(exported.header("content-type"), exported.header("content-type").startsWith("text/csv"));
        String first = exported.body();
        assertTrue(first, first.startsWith("extension,name,tech,dial,secret\r\n"));
        assertTrue(first, first.contains("150001,\"'=HYPERLINK(1)\",sip,SIP/150001,"));
        assertTrue(first, first.contains("150002,\"Smith, \"\"Jo\"\"\",pjsip,PJSIP/150002,"));
        assertTrue(first, first.contains("150003,\"'-minus\",sip,SIP/150003,\"'+plus-secret\"\r\n"));
        assertEquals(first, owner.send("GET", "/pbxapi/extensions", null, Map.of("Accept", "text/csv")).body());

        assertEquals(200, owner.send("DELETE", "/pbxapi/extensions/150001,150002,150003?reload=0", null, Map.of())
                .status());
        Http.Response reimported = postCsv(owner, IMPORT + "?reload=0", first);
        assertEquals(reimported.toString(), 202, reimported.status());
        assertEquals(3, awaitJob(owner, path(reimported)).get("created").asInt());
        assertEquals(first, owner.get("/pbxapi/extensions?format=csv").body());
        assertEquals("=HYPERLINK(1)", owner.get("/pbxapi/extensions/150001").json().get("results").get(0)
                .get("name").asText());

        Http.Response badFormat = owner.get("/pbxapi/extensions?format=xls");
        assertEquals(badFormat.toString(), 400, badFormat.status());
        ContainerIT.assertProblem(badFormat, 400);
    }

    @Test
    public void whenImportRuns_thenItsProgressIsOnTheEventStream() throws Exception {
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        try (SseClient stream = SseClient.connect(port(), "/pbxapi/events?types=job.progress",
                Map.of("Authorization", "Bearer " + adminToken))) {
            StringBuilder csv = new StringBuilder("extension\r\n");
            for (int n = 160000; n < 161200; n++) {
                csv.append(n).append("\r\n");
            }
            Http.Response accepted = postCsv(admin, IMPORT + "?reload=0", csv.toString());
            assertEquals(accepted.toString(), 202, accepted.status());
            String id = accepted.json().get("id").asText();
            List<SseClient.Event> before = new ArrayList<>();
            SseClient.Event done = stream.until(event -> id.equals(event.data().get("job").asText())
                    && "done".equals(event.data().get("state").asText()), JOB_DEADLINE, before);
            assertEquals(1200, done.data().get("created").asInt());
            assertEquals("/pbxapi/jobs/" + id, done.data().get("location").asText());
            assertTrue(before.toString(), before.stream().anyMatch(e -> id.equals(e.data().get("job").asText())
                    && "running".equals(e.data().get("state").asText()) && e.data().get("done").asInt() > 0
                    && e.data().get("done").asInt() < 1200));
        }
    }

    /** Lines 2-7: a good row, a bad name, a bad ringtimer, line 2's number again, no number, a ring group's number. */
    private String badRows() {
        Http.Response member = admin.json("PUT", "/pbxapi/extensions/1006?reload=0", "{\"name\":\"Member\"}");
        assertTrue(member.toString(), member.status() == 200);
        Http.Response group = admin.json("PUT", "/pbxapi/ringgroups/1005?reload=0",
                "{\"name\":\"Taken\",\"extension_list\":[\"1006\"]}");
        assertTrue(group.toString(), group.status() == 200);
        return "extension,name,ringtimer\r\n110001,Good,5\r\n110002,<script>,5\r\n110003,Soon,soon\r\n"
                + "110001,Again,5\r\n,No number,5\r\n1005,Taken,5\r\n";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
