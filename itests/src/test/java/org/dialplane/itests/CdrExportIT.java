package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * {@code /pbxapi/cdrs} exports: CSV (both formats) parsed back with a real CSV parser, XML parsed back, a client
 * that disconnects mid-export stopping the query, and the limit of exports at once. CDRs are written straight into
 * the CDR database.
 */
public class CdrExportIT extends DialplaneTestSupport {
    /** The export's query as the database lists it while it runs. */
    private static final String EXPORT_QUERY = "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
            + " WHERE COMMAND = 'Query' AND INFO LIKE 'SELECT r.calldate%FROM cdr r%' AND ID <> CONNECTION_ID()";
    private static final String TRICKY_DAY = "start=2016-06-01&end=2016-06-02";

    private CdrTables tables;
    private Http admin;
    private String adminToken;

    @Override
    protected Option options() {
        return composite(database("CdrExportIT"), Logins.adminPassword());
    }

    @Before
    public void loginAndSeed() throws Exception {
        await("the CDR resource answers", () -> http.get("/pbxapi/cdrs").status() == 401);
        tables = new CdrTables(context);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
        if (tables.column("SELECT uniqueid FROM cdr WHERE uniqueid = 'E1'").isEmpty()) {
            tables.insert("cdr", row("2016-06-01 10:00:00", "E1", Map.of("clid", "\"Zoë, Ñandú\" <201>",
                    "dst", "+34911234567", "lastdata", "=HYPERLINK(\"http://x\")", "userfield", "line1\nline2",
                    "dcontext", "-2+3", "accountcode", "@SUM(A1)", "cnam", "\tTabbed", "billsec", 42)));
            tables.insert("cdr", row("2016-06-01 11:00:00", "E2", Map.of("clid", "北京 \"quoted\"",
                    "userfield", "\rcarriage", "lastdata", "bell\u0001end")));
        }
    }

    @Test
    public void whenCsvExported_thenRfc4180ParsedBackWithFormulasNeutralised() throws Exception {
        Http.Response response = admin.get("/pbxapi/cdrs?" + TRICKY_DAY + "&format=csv&tenant=%25"
                + "&fields=uniqueid,clid,dst,lastdata,userfield,dcontext,accountcode,cnam,billsec");
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.header("Content-Type"), response.header("Content-Type").startsWith("text/csv"));
        assertEquals("attachment; filename=\"cdrs-all-2016-06-01-2016-06-02.csv\"",
                response.header("Content-Disposition"));
        assertTrue(response.body().startsWith("tenant,uniqueid,clid,dst,lastdata,userfield,dcontext,accountcode,"
                + "cnam,billsec\r\n"));

        List<List<String>> rows = CdrTables.csv(response.body());
        assertEquals(3, rows.size());
        assertEquals(List.of("", "E1", "\"Zoë, Ñandú\" <201>", "'+34911234567", "'=HYPERLINK(\"http://x\")",
                "line1\nline2", "'-2+3", "'@SUM(A1)", "'\tTabbed", "42"), rows.get(1));
        assertEquals(List.of("", "E2", "北京 \"quoted\"", "202", "bell\u0001end", "'\rcarriage", "", "", "", "0"),
                rows.get(2));

        String code = Logins.tenant(http, adminToken, 63_000, 63_999);
        Http.Response tenantFormat = admin.send("GET", "/pbxapi/cdrs?" + TRICKY_DAY + "&tenant=" + code
                + "&fields=uniqueid", null, Map.of("Accept", "text/csv"));
        assertEquals(tenantFormat.toString(), 200, tenantFormat.status());
        assertEquals(List.of(List.of("uniqueid")), CdrTables.csv(tenantFormat.body())); // the tenant format, empty
    }

    @Test
    public void whenXmlExported_thenWellFormedAndEscaped() throws Exception {
        Http.Response response = admin.get("/pbxapi/cdrs?" + TRICKY_DAY + "&format=xml&tenant=*");
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.header("Content-Type"), response.header("Content-Type").startsWith("application/xml"));
        assertEquals("attachment; filename=\"cdrs-all-2016-06-01-2016-06-02.xml\"",
                response.header("Content-Disposition"));
        List<Map<String, String>> rows = CdrTables.xml(response.body(), "cdr");
        assertEquals(2, rows.size());
        Map<String, String> first = rows.get(0);
        assertEquals("tenant", first.keySet().iterator().next());
        assertEquals("\"Zoë, Ñandú\" <201>", first.get("clid"));
        assertEquals("=HYPERLINK(\"http://x\")", first.get("lastdata"));
        assertEquals("+34911234567", first.get("dst"));
        assertEquals("line1\nline2", first.get("userfield"));
        assertEquals("42", first.get("billsec"));
        assertEquals("2016-06-01 10:00:00", first.get("calldate"));
        assertEquals("", first.get("did"));
        assertEquals("bellend", rows.get(1).get("lastdata"));
        assertEquals("\rcarriage", rows.get(1).get("userfield"));
        assertEquals("北京 \"quoted\"", rows.get(1).get("clid"));

        Http.Response accepted = admin.send("GET", "/pbxapi/cdrs?" + TRICKY_DAY + "&fields=uniqueid", null,
                Map.of("Accept", "text/xml"));
        assertEquals(List.of("E1", "E2"), CdrTables.xml(accepted.body(), "cdr").stream()
                .map(row -> row.get("uniqueid")).toList());
        Http.Response json = admin.get("/pbxapi/cdrs?" + TRICKY_DAY + "&format=json&fields=uniqueid,billsec");
        assertEquals("{\"results\":[{\"uniqueid\":\"E1\",\"billsec\":42},{\"uniqueid\":\"E2\",\"billsec\":0}]}",
                json.body());
    }

    @Test
    public void whenClientDisconnectsMidExport_thenTheQueryStopsWithinASecond() throws Exception {
        bulk();
        try (Socket socket = heldExport()) {
            await("the export's query runs, held back by the client that stopped reading",
                    () -> exportQueries() == 1);
        } // closed with unread data: the server's next write fails
        await("the export's query is stopped", Duration.ofSeconds(1), () -> exportQueries() == 0);

        Http.Response next = admin.get("/pbxapi/cdrs?start=2015-01-01&end=2016-01-01&limit=1&total=true");
        assertEquals(next.toString(), 200, next.status());
        assertEquals(131_072, next.json().get("total").asLong());
    }

    @Test
    public void whenTwoExportsRun_thenAThirdIs503WithRetryAfterAndPagesStillWork() throws Exception {
        bulk();
        try (Socket first = heldExport(); Socket second = heldExport()) {
            await("both exports' queries run", () -> exportQueries() == 2);
            Http.Response third = admin.get("/pbxapi/queuelogs?format=csv");
            assertEquals(third.toString(), 503, third.status());
            ContainerIT.assertProblem(third, 503);
            assertEquals("30", third.header("Retry-After"));
            Http.Response page = admin.get("/pbxapi/cdrs?" + TRICKY_DAY + "&limit=10");
            assertEquals(page.toString(), 200, page.status());
        }
        await("the exports' queries are stopped", () -> exportQueries() == 0);
        Http.Response again = admin.get("/pbxapi/queuelogs?format=csv");
        assertEquals(again.toString(), 200, again.status());
    }

    /** 131,072 rows of about 400 bytes in 2015: far more than socket buffers hold. */
    private void bulk() throws Exception {
        synchronized (CdrExportIT.class) {
            if (!tables.column("SELECT uniqueid FROM cdr WHERE uniqueid = 'BULK' LIMIT 1").isEmpty()) {
                return;
            }
            tables.insert("cdr", row("2015-01-01 00:00:00", "BULK", Map.of("lastdata", "x".repeat(80),
                    "clid", "y".repeat(80))));
            for (int i = 0; i < 17; i++) {
                tables.execute(true, "INSERT INTO cdr (calldate, clid, src, dst, channel, lastdata, uniqueid)"
                        + " SELECT calldate + INTERVAL ? SECOND, clid, src, dst, channel, lastdata, uniqueid FROM cdr"
                        + " WHERE calldate >= '2015-01-01' AND calldate < '2016-01-01'", 1 << i);
            }
        }
    }

    /** A client that asks for the 2015 export, reads its first 64 KiB, then stops reading and holds on. */
    private Socket heldExport() throws Exception {
        Socket socket = new Socket("127.0.0.1", port());
        socket.setReceiveBufferSize(16 * 1024);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /pbxapi/cdrs?format=csv&start=2015-01-01&end=2016-01-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + adminToken + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        int read = 0;
        while (read < 64 * 1024) {
            int n = in.read(buffer);
            assertTrue("the export ended early after " + read + " bytes", n > 0);
            read += n;
        }
        return socket;
    }

    private long exportQueries() {
        try {
            return Long.parseLong(tables.column(EXPORT_QUERY).get(0));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> row(String calldate, String uniqueid, Map<String, Object> more) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("calldate", calldate);
        row.put("src", "201");
        row.put("dst", "202");
        row.put("channel", "SIP/trunk-" + uniqueid);
        row.put("disposition", "ANSWERED");
        row.put("uniqueid", uniqueid);
        row.putAll(more);
        return row;
    }
}
