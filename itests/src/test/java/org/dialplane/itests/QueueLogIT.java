package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * {@code /pbxapi/queuelogs} (MiRTA's INFO QUEUELOGS): rows written straight into {@code queue_log} as Asterisk's
 * realtime queue log writes them, for queues owned by two tenants and the default one; filters, pages, formats,
 * and each tenant seeing the rows of its own queues only.
 */
public class QueueLogIT extends DialplaneTestSupport {
    private static final String DAY = "start=2017-10-01&end=2017-10-02";
    private static String code;
    private static String key;
    private static String otherCode;
    private static String otherKey;
    /** One login for the class: logins hash a password, slow on a loaded machine. */
    private static String adminToken;

    private CdrTables tables;
    private Http admin;

    @Override
    protected Option options() {
        return composite(database("QueueLogIT"), Logins.adminPassword());
    }

    @Before
    public void seedOnce() throws Exception {
        await("the queue log resource answers", () -> http.get("/pbxapi/queuelogs").status() == 401);
        tables = new CdrTables(context);
        if (adminToken == null) {
            adminToken = Logins.adminToken(http);
        }
        admin = http.bearer(adminToken);
        if (code != null) {
            return;
        }
        code = Logins.tenant(http, adminToken, 64_000, 64_999);
        key = Logins.apiKey(http, adminToken, "{\"name\":\"queues\",\"tenant\":\"" + code + "\"}");
        otherCode = Logins.tenant(http, adminToken, 65_000, 65_999);
        otherKey = Logins.apiKey(http, adminToken, "{\"name\":\"other\",\"tenant\":\"" + otherCode + "\"}");
        tables.queue("64700", code);
        tables.queue("65700", otherCode);
        tables.queue("600", null);
        log("2017-09-30 23:59:59", "C0", "64700", "NONE", "ENTERQUEUE", "", "");
        log("2017-10-01 09:00:00", "C1", "64700", "NONE", "ENTERQUEUE", "", "64001");
        log("2017-10-01 09:00:05", "C1", "64700", "Local/64001@from-queue/n", "CONNECT", "5", "C1.1");
        log("2017-10-01 09:03:05", "C1", "64700", "Local/64001@from-queue/n", "COMPLETECALLER", "5", "180");
        log("2017-10-01 10:00:00", "C2", "600", "NONE", "ENTERQUEUE", "", "402");
        log("2017-10-01 10:00:30", "C2", "600", "NONE", "ABANDON", "1", "1");
        log("2017-10-01 11:00:00", "C3", "65700", "NONE", "ENTERQUEUE", "", "65001");
        log("2017-10-01 12:00:00", "NONE", "NONE", "Local/402@from-queue/n", "ADDMEMBER", "", "");
    }

    @Test
    public void whenTenantKeyReads_thenOnlyTheRowsOfItsQueues() throws Exception {
        Http tenant = http.bearer(key);
        assertEquals(List.of("C1 ENTERQUEUE", "C1 CONNECT", "C1 COMPLETECALLER"), rows(tenant, DAY + "&limit=100"));
        assertEquals(List.of("C3 ENTERQUEUE"), rows(http.bearer(otherKey), DAY + "&limit=100"));
        List<List<String>> csv = CdrTables.csv(tenant.get("/pbxapi/queuelogs?" + DAY + "&format=csv").body());
        assertEquals(List.of("time", "callid", "queuename", "agent", "event", "data1", "data2", "data3", "data4",
                "data5"), csv.get(0));
        assertEquals(4, csv.size());
        assertEquals("Local/64001@from-queue/n", csv.get(2).get(3));
        assertEquals(3, CdrTables.xml(tenant.get("/pbxapi/queuelogs?" + DAY + "&format=xml").body(), "queuelog")
                .size());
        for (String asked : new String[] {otherCode, "%25"}) {
            assertEquals(403, tenant.get("/pbxapi/queuelogs?" + DAY + "&tenant=" + asked).status());
        }
    }

    @Test
    public void whenAdminExportsEveryTenant_thenTheAdminFormatNamesEachRowsTenant() throws Exception {
        Http.Response response = admin.get("/pbxapi/queuelogs?" + DAY + "&tenant=%25&format=csv&fields=callid,event");
        assertEquals("attachment; filename=\"queuelogs-all-2017-10-01-2017-10-02.csv\"",
                response.header("Content-Disposition"));
        List<List<String>> csv = CdrTables.csv(response.body());
        assertEquals(List.of("tenant", "callid", "event"), csv.get(0));
        Map<String, String> tenants = new LinkedHashMap<>();
        csv.subList(1, csv.size()).forEach(row -> tenants.put(row.get(1) + " " + row.get(2), row.get(0)));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("C1 ENTERQUEUE", code);
        expected.put("C1 CONNECT", code);
        expected.put("C1 COMPLETECALLER", code);
        expected.put("C2 ENTERQUEUE", "default");
        expected.put("C2 ABANDON", "default");
        expected.put("C3 ENTERQUEUE", otherCode);
        expected.put("NONE ADDMEMBER", "");
        assertEquals(expected, tenants);

        List<List<String>> one = CdrTables.csv(admin.get("/pbxapi/queuelogs?" + DAY + "&tenant=" + code
                + "&format=csv&fields=callid").body());
        assertEquals(List.of(List.of("callid"), List.of("C1"), List.of("C1"), List.of("C1")), one);
    }

    @Test
    public void whenEachFilterGiven_thenOnlyTheMatchingRows() {
        assertEquals(List.of("C2 ENTERQUEUE", "C2 ABANDON"), rows(admin, DAY + "&queue=600&limit=10"));
        assertEquals(List.of("C1 CONNECT", "C1 COMPLETECALLER"),
                rows(admin, DAY + "&agent=Local/64001@from-queue/n&limit=10"));
        assertEquals(List.of("C2 ABANDON"), rows(admin, DAY + "&event=ABANDON&limit=10"));
        assertEquals(List.of("C0 ENTERQUEUE"), rows(admin, "start=2017-09-30&end=2017-10-01&limit=10"));
        assertEquals(List.of("C1 ENTERQUEUE", "C1 CONNECT", "C1 COMPLETECALLER"),
                rows(admin, DAY + "&callid=C1&limit=10"));
        assertEquals(List.of("C3 ENTERQUEUE", "NONE ADDMEMBER"),
                rows(admin, "start=2017-10-01T11:00:00&end=2017-10-01T12:00:01&limit=10"));
        Http.Response bad = admin.get("/pbxapi/queuelogs?start=2017-10-01&end=2017-09-01");
        assertEquals(400, bad.status());
        assertTrue(bad.body(), bad.json().get("detail").asText().startsWith("end"));
    }

    @Test
    public void whenPaged_thenEveryRowOnceInTimeOrder() {
        List<String> seen = new ArrayList<>();
        String path = "/pbxapi/queuelogs?" + DAY + "&limit=3&fields=callid,event";
        while (path != null) {
            Http.Response page = admin.get(path);
            assertEquals(page.toString(), 200, page.status());
            page.json().get("results").forEach(row -> seen.add(row.get("callid").asText() + " "
                    + row.get("event").asText()));
            String next = page.json().has("next") ? page.json().get("next").asText() : null;
            path = next == null ? null : next.substring(next.indexOf("/pbxapi/"));
        }
        assertEquals(List.of("C1 ENTERQUEUE", "C1 CONNECT", "C1 COMPLETECALLER", "C2 ENTERQUEUE", "C2 ABANDON",
                "C3 ENTERQUEUE", "NONE ADDMEMBER"), seen);
    }

    private List<String> rows(Http client, String query) {
        Http.Response response = client.get("/pbxapi/queuelogs?" + query);
        assertEquals(response.toString(), 200, response.status());
        List<String> rows = new ArrayList<>();
        response.json().get("results").forEach(row -> rows.add(row.get("callid").asText() + " "
                + row.get("event").asText()));
        return rows;
    }

    private void log(String time, String callid, String queue, String agent, String event, String data1,
            String data2) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", time);
        row.put("callid", callid);
        row.put("queuename", queue);
        row.put("agent", agent);
        row.put("event", event);
        row.put("data1", data1);
        row.put("data2", data2);
        tables.insert("queue_log", row);
    }
}
