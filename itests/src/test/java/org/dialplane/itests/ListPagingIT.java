package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lists paged by cursor ({@code after=}, answered with {@code next} and a {@code Link} header) and by offset, read
 * from core's index of numbers ({@code dp_numbers}): correct while rows are inserted and deleted between pages, and
 * kept right when IssabelPBX's own GUI writes {@code users} and {@code devices} behind Dialplane's back.
 */
public class ListPagingIT extends DialplaneTestSupport {
    private Http admin;

    @Override
    protected Option options() {
        return org.ops4j.pax.exam.CoreOptions.composite(database("ListPagingIT"), Logins.adminPassword());
    }

    @Before
    public void login() {
        await("the extensions resource answers", () -> http.get("/pbxapi/extensions").status() == 401);
        admin = asAdmin();
    }

    @Test
    public void whenWalkingByCursorWhileRowsComeAndGo_thenEachRowOnceInOrderAndNoneSkipped() {
        for (int n = 7000; n < 7030; n++) {
            put(n);
        }
        List<Long> seen = new ArrayList<>();
        String path = "/pbxapi/extensions?limit=7&fields=extension";
        int pages = 0;
        while (path != null) {
            Http.Response page = admin.get(path);
            assertEquals(page.toString(), 200, page.status());
            JsonNode body = page.json();
            body.get("results").forEach(row -> seen.add(row.get("extension").asLong()));
            if (pages == 0) {
                assertEquals("a page by offset counts", true, body.has("total"));
            } else {
                assertFalse("a page by cursor does not count unless asked", body.has("total"));
            }
            if (pages == 1) {
                delete(7020); // ahead of the cursor: never shown
                delete(7003); // behind it: nothing shifts
                put(7025_5); // far ahead, after the last: shown at the end
                put(7001_0); // ahead in number order: 70010 > 7030, so shown too
                put(6999); // behind the cursor: not shown, and nothing repeats
            }
            path = next(page);
            pages++;
        }
        for (int i = 1; i < seen.size(); i++) {
            assertTrue("strictly increasing: " + seen, seen.get(i) > seen.get(i - 1));
        }
        assertFalse(seen.contains(7020L));
        assertFalse(seen.contains(6999L));
        assertTrue(seen.contains(70010L));
        assertTrue(seen.contains(70255L));
        for (long n = 7014; n < 7030; n++) {
            assertEquals("every row still there past the cursor is shown: " + seen, n != 7020, seen.contains(n));
        }
    }

    @Test
    public void whenThePageIsFull_thenNextIsTheRequestWithAfterAndALinkHeader() {
        for (int n = 7100; n < 7105; n++) {
            put(n);
        }
        Http.Response first = admin.get("/pbxapi/extensions?limit=2&offset=0&search=710");
        String next = first.json().get("next").asText();
        assertTrue(next, next.contains("/pbxapi/extensions?") && next.contains("after=") && next.contains("search=710")
                && !next.contains("offset="));
        assertEquals("<" + next + ">; rel=\"next\"", first.header("link"));
        JsonNode second = admin.get(pathOf(next) + "&total=true").json();
        assertEquals(5, second.get("total").asLong());
        assertEquals(7102, second.get("results").get(0).get("extension").asLong());
        JsonNode last = admin.get("/pbxapi/extensions?limit=10&search=710").json();
        assertNull("a short page is the last", last.get("next"));
    }

    @Test
    public void whenTheCursorIsForgedOrInAnotherOrder_thenBadRequestNamingAfter() {
        put(7200);
        put(7201);
        String next = admin.get("/pbxapi/extensions?limit=1").json().get("next").asText();
        String after = next.substring(next.indexOf("after=") + 6);
        for (String bad : List.of("after=bm9wZQ", "after=" + after + "&order=name",
                "after=" + after + "&direction=desc", "after=" + after + "&offset=3")) {
            Http.Response response = admin.get("/pbxapi/extensions?limit=1&" + bad);
            assertEquals(bad, 400, response.status());
            ContainerIT.assertProblem(response, 400);
        }
    }

    @Test
    public void whenIssabelWritesBehindOurBack_thenTheIndexCatchesUpAndPagesStayFull() throws SQLException {
        for (int n = 7300; n < 7306; n++) {
            put(n);
        }
        // IssabelPBX's GUI: rows in users and devices, nothing in Dialplane's tables.
        sql("INSERT INTO users (extension, name) VALUES ('7350', 'GUI')");
        sql("INSERT INTO devices (id, tech, dial, devicetype, user, description) VALUES ('7350', 'sip', 'SIP/7350',"
                + " 'fixed', '7350', 'GUI')");
        sql("DELETE FROM users WHERE extension = '7302'");
        sql("DELETE FROM devices WHERE id = '7302'");
        await("the extension written by the GUI is listed", () -> numbers("/pbxapi/extensions?limit=100&after="
                + cursor(7349)).contains(7350L));
        assertEquals(List.of(7300L, 7301L, 7303L), numbers("/pbxapi/extensions?limit=3&search=73"));
        assertEquals("a global page from the index alone skips the deleted one and stays full",
                List.of(7301L, 7303L, 7304L), numbers("/pbxapi/extensions?limit=3&after=" + cursor(7300)));
        try {
            assertNotNull(PbxSql.row(context, "SELECT 1 FROM dp_numbers WHERE kind = 'extension' AND object_id = '7350'"));
            assertNull(PbxSql.row(context, "SELECT 1 FROM dp_numbers WHERE kind = 'extension' AND object_id = '7302'"));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        // Deleted behind our back and the index not checked yet: the short page rebuilds it at once.
        sql("DELETE FROM users WHERE extension = '7301'");
        sql("DELETE FROM devices WHERE id = '7301'");
        assertEquals(List.of(7303L, 7304L, 7305L), numbers("/pbxapi/extensions?limit=3&after=" + cursor(7300)));
        int all = admin.get("/pbxapi/extensions?fields=extension").json().get("results").size();
        assertEquals("the count from the index", all, admin.get("/pbxapi/extensions?limit=1").json().get("total")
                .asLong());
    }

    /** The cursor a page ending at this extension answers (opaque to clients; its form is core's Cursor). */
    private static String cursor(long extension) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("[\"extension asc\",\"" + extension + "\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    public void whenRingGroupsWalkedByCursor_thenEachOnceInOrder() {
        for (int n = 640; n < 645; n++) {
            assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/" + n + "?reload=0",
                    "{\"extension_list\":[\"200\"]}").status());
        }
        List<Long> seen = new ArrayList<>();
        String path = "/pbxapi/ringgroups?limit=2&fields=name";
        while (path != null) {
            Http.Response page = admin.get(path);
            assertEquals(page.toString(), 200, page.status());
            page.json().get("results").forEach(row -> seen.add(Long.parseLong(row.get("name").asText()
                    .replaceAll("[^0-9]", ""))));
            path = next(page);
        }
        assertEquals(List.of(640L, 641L, 642L, 643L, 644L), seen);
    }

    private void put(int number) {
        Http.Response response = admin.json("PUT", "/pbxapi/extensions/" + number + "?reload=0",
                "{\"name\":\"Paged " + number + "\"}");
        assertEquals(response.toString(), 200, response.status());
    }

    private void delete(int number) {
        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/" + number + "?reload=0", null,
                java.util.Map.of()).status());
    }

    private List<Long> numbers(String path) {
        Http.Response response = admin.get(path);
        assertEquals(response.toString(), 200, response.status());
        List<Long> numbers = new ArrayList<>();
        response.json().get("results").forEach(row -> numbers.add(row.get("extension").asLong()));
        return numbers;
    }

    private void sql(String statement) {
        try {
            PbxSql.rows(context, statement);
        } catch (SQLException e) {
            throw new AssertionError(statement, e);
        }
    }

    private static String next(Http.Response page) {
        JsonNode next = page.json().get("next");
        return next == null ? null : pathOf(next.asText());
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
