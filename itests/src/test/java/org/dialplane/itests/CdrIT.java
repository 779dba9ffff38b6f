package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/cdrs} as JSON: every filter, keyset paging while rows are inserted, tenancy in every format, the
 * userfield, the summary, the 400s, and the OpenAPI document. CDRs are written straight into the CDR database as
 * Asterisk's cdr_mysql writes them, each test on days of its own.
 */
public class CdrIT extends DialplaneTestSupport {
    private CdrTables tables;
    private Http admin;
    private String adminToken;

    @Override
    protected Option options() {
        return composite(database("CdrIT"), Logins.adminPassword());
    }

    @Before
    public void login() {
        await("the CDR resource answers", () -> http.get("/pbxapi/cdrs").status() == 401);
        tables = new CdrTables(context);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
    }

    @Test
    public void whenEachFilterGiven_thenOnlyTheMatchingRows() throws Exception {
        cdr("2017-02-28 23:59:59", "201", "202", "F0", Map.of());
        cdr("2017-03-01 00:00:00", "201", "202", "F1", Map.of("billsec", 30, "linkedid", "FL",
                "userfield", "vip customer", "accountcode", "201"));
        cdr("2017-03-01 12:00:00", "203", "9001", "F2", Map.of("disposition", "NO ANSWER", "linkedid", "FL"));
        cdr("2017-03-01 18:30:00", "204", "205", "F3", Map.of("billsec", 5, "disposition", "BUSY"));
        cdr("2017-03-02 00:00:00", "201", "202", "F4", Map.of());
        String day = "start=2017-03-01&end=2017-03-02";

        assertEquals(List.of("F1", "F2", "F3"), ids(day));
        assertEquals(List.of("F0", "F1", "F2", "F3", "F4"), ids("start=2017-02-28&end=2017-03-03"));
        assertEquals(List.of("F2", "F3"), ids("start=2017-03-01T12:00:00&end=2017-03-02"));
        assertEquals(List.of("F1"), ids("start=2017-03-01&end=2017-03-01T12:00"));
        assertEquals(List.of("F3"), ids("start=2017-03-01%2018:30:00&end=2017-03-01T18:30:01"));
        assertEquals(List.of("F1"), ids(day + "&src=201"));
        assertEquals(List.of("F2"), ids(day + "&dst=9001"));
        assertEquals(List.of("F2"), ids(day + "&disposition=NO%20ANSWER"));
        assertEquals(List.of("F3"), ids(day + "&disposition=busy"));
        assertEquals(List.of("F1"), ids(day + "&accountcode=201"));
        assertEquals(List.of("F2"), ids(day + "&uniqueid=F2"));
        assertEquals(List.of("F1", "F2"), ids(day + "&linkedid=FL"));
        assertEquals(List.of("F1", "F3"), ids(day + "&min_billsec=5"));
        assertEquals(List.of("F1"), ids(day + "&search=vip"));
        assertEquals(List.of(), ids(day + "&src=201&dst=9001"));

        JsonNode one = admin.get("/pbxapi/cdrs?" + day + "&uniqueid=F1&limit=10&fields=uniqueid,billsec,calldate")
                .json().get("results").get(0);
        assertEquals(List.of("uniqueid", "billsec", "calldate"), names(one));
        assertEquals(30, one.get("billsec").asInt());
        assertTrue(one.get("billsec").isNumber());
        assertEquals("2017-03-01 00:00:00", one.get("calldate").asText());
    }

    @Test
    public void whenPagedWhileRowsAreInserted_thenEveryRowExactlyOnce() throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String id = "P" + i;
            // Pairs of legs at the same second, as a call and its transfer are written.
            cdr("2017-04-01 10:00:" + String.format("%02d", i / 2), "301", "302", id, Map.of("sequence", i));
            expected.merge(id, 1, Integer::sum);
        }
        for (int copy = 0; copy < 3; copy++) { // rows equal in every key column: a table without a primary key
            cdr("2017-04-01 10:00:04", "301", "302", "P8", Map.of("sequence", 8));
            expected.merge("P8", 1, Integer::sum);
        }
        String first = "/pbxapi/cdrs?start=2017-04-01&end=2017-04-03&fields=uniqueid&limit=4&total=true";
        Http.Response page = admin.get(first);
        assertEquals(page.toString(), 200, page.status());
        assertEquals(23, page.json().get("total").asLong());
        assertNotNull(page.header("Link"));

        Map<String, Integer> seen = new HashMap<>();
        int pages = 0;
        while (true) {
            JsonNode body = page.json();
            body.get("results").forEach(row -> seen.merge(row.get("uniqueid").asText(), 1, Integer::sum));
            if (pages++ == 0) { // written while the client pages: later calls come on later pages
                for (int i = 0; i < 5; i++) {
                    cdr("2017-04-02 08:00:0" + i, "301", "302", "N" + i, Map.of());
                    expected.put("N" + i, 1);
                }
            }
            if (!body.has("next")) {
                break;
            }
            assertTrue(pages < 50);
            String next = body.get("next").asText();
            page = admin.get(next.substring(next.indexOf("/pbxapi/")));
            assertEquals(page.toString(), 200, page.status());
            assertNull("counted on the first page only", page.json().get("total"));
        }
        assertEquals(expected, seen);
    }

    @Test
    public void whenTenantKeyReads_thenOnlyItsCallsInEveryFormat() throws Exception {
        String code = Logins.tenant(http, adminToken, 60_000, 60_999);
        String key = Logins.apiKey(http, adminToken, "{\"name\":\"cdrs\",\"tenant\":\"" + code + "\"}");
        String otherCode = Logins.tenant(http, adminToken, 61_000, 61_999);
        String otherKey = Logins.apiKey(http, adminToken, "{\"name\":\"other\",\"tenant\":\"" + otherCode + "\"}");
        Http.Response created = http.bearer(key).json("PUT", "/pbxapi/extensions/60100?reload=0",
                "{\"name\":\"Own\"}");
        assertTrue(created.toString(), created.status() < 300);
        cdr("2017-05-01 09:00:00", "60100", "5551234", "T1", Map.of());
        cdr("2017-05-01 09:01:00", "5551234", "60100", "T2", Map.of());
        cdr("2017-05-01 09:02:00", "5551234", "600", "T3", Map.of("accountcode", "60100-" + code));
        cdr("2017-05-01 09:03:00", "5551234", "600", "T4", Map.of("dstchannel", "SIP/60100-0000001a"));
        cdr("2017-05-01 09:04:00", "anonymous", "600", "T5", Map.of("cnum", "60100"));
        cdr("2017-05-01 09:05:00", "402", "403", "X1", Map.of("channel", "SIP/60100x-00000001"));
        String day = "/pbxapi/cdrs?start=2017-05-01&end=2017-05-02&fields=uniqueid";
        List<String> own = List.of("T1", "T2", "T3", "T4", "T5");

        Http tenant = http.bearer(key);
        assertEquals(own, ids(tenant.get(day + "&limit=100")));
        assertEquals(own, ids(tenant.get(day + "&tenant=" + code + "&limit=100")));
        assertEquals(own, ids(tenant.get(day))); // every row, streamed as JSON
        List<List<String>> csv = CdrTables.csv(tenant.get(day + "&format=csv").body());
        assertEquals(List.of("uniqueid"), csv.get(0));
        assertEquals(own, csv.subList(1, csv.size()).stream().map(row -> row.get(0)).toList());
        assertEquals(own, CdrTables.xml(tenant.send("GET", day, null, Map.of("Accept", "application/xml")).body(),
                "cdr").stream().map(row -> row.get("uniqueid")).toList());
        assertEquals(List.of(), ids(http.bearer(otherKey).get(day + "&limit=100")));
        assertEquals(1, CdrTables.csv(http.bearer(otherKey).get(day + "&format=csv").body()).size());
        for (String asked : new String[] {otherCode, "%25", "*"}) {
            Http.Response forbidden = tenant.get(day + "&tenant=" + asked);
            assertEquals(asked + ": " + forbidden, 403, forbidden.status());
            ContainerIT.assertProblem(forbidden, 403);
        }

        assertEquals(own, ids(admin.get(day + "&tenant=" + code + "&limit=100")));
        Http.Response mine = admin.get(day + "&tenant=" + code + "&format=csv");
        assertEquals("attachment; filename=\"cdrs-" + code + "-2017-05-01-2017-05-02.csv\"",
                mine.header("Content-Disposition"));
        List<List<String>> all = CdrTables.csv(admin.get(day + "&tenant=%25&format=csv").body());
        assertEquals(List.of("tenant", "uniqueid"), all.get(0));
        Map<String, String> owners = new LinkedHashMap<>();
        all.subList(1, all.size()).forEach(row -> owners.put(row.get(1), row.get(0)));
        Map<String, String> expected = new LinkedHashMap<>();
        own.forEach(id -> expected.put(id, code));
        expected.put("X1", "");
        assertEquals(expected, owners);
    }

    @Test
    public void whenUserfieldPut_thenSetForTheCallersOwnCdrsOnly() throws Exception {
        cdr("2017-08-01 10:00:00", "701", "702", "U1", Map.of());
        cdr("2017-08-01 10:00:05", "701", "702", "U1", Map.of("sequence", 2));
        Http.Response put = admin.json("PUT", "/pbxapi/cdrs/U1", "{\"userfield\":\"ticket 42, \\\"urgent\\\"\"}");
        assertEquals(put.toString(), 200, put.status());
        JsonNode rows = admin.get("/pbxapi/cdrs?uniqueid=U1&fields=userfield&limit=10").json().get("results");
        assertEquals(2, rows.size());
        rows.forEach(row -> assertEquals("ticket 42, \"urgent\"", row.get("userfield").asText()));

        String readOnly = Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}");
        assertEquals(403, http.bearer(readOnly).json("PUT", "/pbxapi/cdrs/U1", "{\"userfield\":\"x\"}").status());
        String code = Logins.tenant(http, adminToken, 62_000, 62_999);
        String tenantKey = Logins.apiKey(http, adminToken, "{\"name\":\"t\",\"tenant\":\"" + code + "\"}");
        Http.Response notTheirs = http.bearer(tenantKey).json("PUT", "/pbxapi/cdrs/U1", "{\"userfield\":\"x\"}");
        assertEquals(notTheirs.toString(), 404, notTheirs.status());
        assertEquals(404, admin.json("PUT", "/pbxapi/cdrs/NOPE.1", "{\"userfield\":\"x\"}").status());
        Http.Response tooLong = admin.json("PUT", "/pbxapi/cdrs/U1", "{\"userfield\":\"" + "x".repeat(256) + "\"}");
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body(), tooLong.body().contains("userfield"));
        assertEquals(422, admin.json("PUT", "/pbxapi/cdrs/U1", "{}").status());
        assertEquals("ticket 42, \"urgent\"", admin.get("/pbxapi/cdrs?uniqueid=U1&fields=userfield&limit=1")
                .json().get("results").get(0).get("userfield").asText());
    }

    @Test
    public void whenParameterIsBad_then400NamingIt() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("start=2017-13-01", "start");
        bad.put("end=yesterday", "end");
        bad.put("start=2017-01-01T10:00:00Z", "start");
        bad.put("start=2017-02-01&end=2017-01-01", "end");
        bad.put("limit=0", "limit");
        bad.put("limit=1001", "limit");
        bad.put("limit=ten", "limit");
        bad.put("offset=10", "offset");
        bad.put("after=bm90IGEgY3Vyc29y", "after");
        bad.put("format=pdf", "format");
        bad.put("min_billsec=-1", "min_billsec");
        bad.put("disposition=MAYBE", "disposition");
        bad.put("total=perhaps", "total");
        bad.put("tenant=nosuchtenant", "tenant");
        bad.put("fields=nosuchfield", "fields");
        bad.put("order=src", "order");
        bad.forEach((query, parameter) -> {
            Http.Response response = admin.get("/pbxapi/cdrs?" + query);
            assertEquals(query + ": " + response, 400, response.status());
            ContainerIT.assertProblem(response, 400);
            assertTrue(query + ": " + response.body(), response.json().get("detail").asText().startsWith(parameter));
        });
        Http.Response group = admin.get("/pbxapi/cdrs/summary?group=week");
        assertEquals(400, group.status());
        assertTrue(group.body(), group.json().get("detail").asText().startsWith("group"));
        assertEquals(401, http.get("/pbxapi/cdrs?format=csv").status());
    }

    @Test
    public void whenSummaryAsked_thenTotalsPerGroup() throws Exception {
        cdr("2017-09-01 10:00:00", "801", "802", "S1", Map.of("billsec", 10));
        cdr("2017-09-01 11:00:00", "801", "803", "S2", Map.of("billsec", 21));
        cdr("2017-09-01 12:00:00", "804", "802", "S3", Map.of("disposition", "NO ANSWER"));
        cdr("2017-09-02 09:00:00", "801", "802", "S4", Map.of("billsec", 60));
        String range = "start=2017-09-01&end=2017-09-03";
        JsonNode days = admin.get("/pbxapi/cdrs/summary?group=day&" + range).json().get("results");
        assertEquals("[{\"day\":\"2017-09-01\",\"calls\":3,\"answered\":2,\"billsec\":31,\"average_billsec\":15.5},"
                + "{\"day\":\"2017-09-02\",\"calls\":1,\"answered\":1,\"billsec\":60,\"average_billsec\":60.0}]",
                days.toString());
        JsonNode bySource = admin.get("/pbxapi/cdrs/summary?group=src&dst=802&" + range).json().get("results");
        assertEquals("801", bySource.get(0).get("src").asText());
        assertEquals(2, bySource.get(0).get("calls").asInt());
        assertEquals("804", bySource.get(1).get("src").asText());
        assertEquals(0, bySource.get(1).get("answered").asInt());
    }

    @Test
    public void whenOpenApiRead_thenCdrsAndQueueLogsAreDocumented() {
        JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
        for (String path : new String[] {"/pbxapi/cdrs", "/pbxapi/cdrs/summary", "/pbxapi/cdrs/{uniqueid}",
                "/pbxapi/queuelogs"}) {
            assertNotNull(path + " in " + paths.fieldNames(), paths.get(path));
        }
        String list = paths.get("/pbxapi/cdrs").get("get").toString();
        for (String parameter : new String[] {"start", "end", "tenant", "after", "min_billsec", "format"}) {
            assertTrue(parameter, list.contains("\"" + parameter + "\""));
        }
        assertTrue(list, list.contains("CSV"));
        assertNotNull(paths.get("/pbxapi/cdrs/{uniqueid}").get("put"));
        assertTrue(paths.get("/pbxapi/queuelogs").get("get").toString().contains("\"queue\""));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** One CDR with the columns every test sets, and {@code more} over Asterisk's defaults. */
    private void cdr(String calldate, String src, String dst, String uniqueid, Map<String, Object> more)
            throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("calldate", calldate);
        row.put("clid", "\"Caller\" <" + src + ">");
        row.put("src", src);
        row.put("dst", dst);
        row.put("dcontext", "from-internal");
        row.put("channel", "SIP/trunk-" + uniqueid);
        row.put("disposition", "ANSWERED");
        row.put("uniqueid", uniqueid);
        row.put("linkedid", uniqueid);
        row.putAll(more);
        tables.insert("cdr", row);
    }

    private List<String> ids(String query) {
        return ids(admin.get("/pbxapi/cdrs?" + query + "&fields=uniqueid&limit=1000"));
    }

    private static List<String> ids(Http.Response response) {
        assertEquals(response.toString(), 200, response.status());
        List<String> ids = new ArrayList<>();
        response.json().get("results").forEach(row -> ids.add(row.get("uniqueid").asText()));
        return ids;
    }

    private static List<String> names(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
