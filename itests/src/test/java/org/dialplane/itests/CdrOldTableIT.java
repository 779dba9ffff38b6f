package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/cdrs} on a {@code cdr} table as older Asterisk cdr_mysql installations have it: the sixteen classic
 * columns, without {@code did}, {@code cnum}, {@code linkedid}, {@code sequence} and the rest. The newer fields show
 * as null, a filter on a missing column is a 400 naming it, and paging orders by calldate and uniqueid alone.
 */
public class CdrOldTableIT extends DialplaneTestSupport {
    private static final List<String> NEWER = List.of("did", "recordingfile", "cnum", "cnam", "outbound_cnum",
            "outbound_cnam", "dst_cnam", "linkedid", "peeraccount", "sequence");
    private static boolean prepared;

    private Http admin;

    @Override
    protected Option options() {
        return composite(database("CdrOldTableIT"), Logins.adminPassword());
    }

    /** Drops the newer columns, then restarts the bundle, which reads the table's columns once at its start. */
    @Before
    public void olderTable() throws Exception {
        await("the CDR resource answers", () -> http.get("/pbxapi/cdrs").status() == 401);
        admin = http.bearer(Logins.adminToken(http));
        if (prepared) {
            return;
        }
        CdrTables tables = new CdrTables(context);
        for (String column : NEWER) {
            tables.execute(true, "ALTER TABLE cdr DROP COLUMN " + column);
        }
        Bundle cdr = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.dialplane.cdr")).findFirst().orElseThrow();
        cdr.stop();
        cdr.start();
        await("the CDR resource answers again", () -> admin.get("/pbxapi/cdrs?limit=1").status() == 200);
        for (int i = 0; i < 6; i++) { // as cdr_mysql wrote them in 2018: two legs per second
            tables.insert("cdr", Map.of("calldate", "2018-03-05 09:30:0" + (i / 2), "clid", "\"Reception\" <200>",
                    "src", "200", "dst", "20" + i, "dcontext", "from-internal", "channel", "SIP/200-0000000" + i,
                    "dstchannel", "SIP/20" + i + "-0000001" + i, "lastapp", "Dial", "billsec", i * 10,
                    "uniqueid", "1520242200." + (10 - i)));
        }
        prepared = true;
    }

    @Test
    public void whenNewerColumnsAreMissing_thenTheyShowAsNullAndFiltersOnThemAre400() throws Exception {
        JsonNode row = admin.get("/pbxapi/cdrs?start=2018-03-05&end=2018-03-06&limit=1").json().get("results").get(0);
        assertEquals("1520242200.10", row.get("uniqueid").asText());
        for (String column : NEWER) {
            assertTrue(column + " in " + row, row.has(column) && row.get(column).isNull());
        }
        Http.Response filter = admin.get("/pbxapi/cdrs?linkedid=1520242200.10");
        assertEquals(filter.toString(), 400, filter.status());
        assertTrue(filter.body(), filter.json().get("detail").asText().startsWith("linkedid"));

        List<List<String>> csv = CdrTables.csv(admin.get("/pbxapi/cdrs?start=2018-03-05&end=2018-03-06"
                + "&format=csv&fields=uniqueid,did,billsec").body());
        assertEquals(List.of("tenant", "uniqueid", "did", "billsec"), csv.get(0));
        assertEquals(List.of("", "1520242200.10", "", "0"), csv.get(1));
        assertEquals(7, csv.size());
    }

    @Test
    public void whenPaged_thenOrderedByCalldateAndUniqueidEveryRowOnce() {
        List<String> seen = new ArrayList<>();
        String path = "/pbxapi/cdrs?start=2018-03-05&end=2018-03-06&limit=1&fields=uniqueid";
        while (path != null) {
            JsonNode page = admin.get(path).json();
            page.get("results").forEach(r -> seen.add(r.get("uniqueid").asText()));
            path = page.has("next") ? page.get("next").asText().replaceFirst("^.*?/pbxapi/", "/pbxapi/") : null;
        }
        assertEquals(List.of("1520242200.10", "1520242200.9", "1520242200.7", "1520242200.8", "1520242200.5",
                "1520242200.6"), seen);
    }
}
