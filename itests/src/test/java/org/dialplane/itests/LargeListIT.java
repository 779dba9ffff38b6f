package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whole lists (no page) longer than core reads before writing (1,000 rows) are read from the database while they
 * are written (core's StreamedRows): many at once all complete, byte for byte the list the pages make, in order;
 * as CSV too; and clients that leave in the middle give their database connection back. The memory bound itself
 * is shown by bench/run.sh at -Xmx96m (README "Performance"), not here: a heap figure in a test would be timing
 * in disguise.
 */
public class LargeListIT extends DialplaneTestSupport {
    private static final int FIRST = 200000;
    private static final int SEEDED = 2500;
    /** More than core's 4 long lists written at once, so that some wait their turn. */
    private static final int CLIENTS = 12;
    /** The PBX pool's connections. */
    private static final int POOL_SIZE = 10;
    private static final Duration SEED_DEADLINE = Duration.ofSeconds(180);
    private static final long ANSWER_DEADLINE_SECONDS = 240;
    private static volatile boolean seeded;

    private Http admin;

    @Override
    protected Option options() {
        return org.ops4j.pax.exam.CoreOptions.composite(ProxiedDatabase.options("LargeListIT"),
                Logins.adminPassword());
    }

    /** The database through a proxy that a test can cut, opened before the product's first connection. */
    @Override
    public void awaitApi() {
        http = new Http(port());
        try {
            ProxiedDatabase.open(context);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        await("health up", Duration.ofSeconds(60), () -> http.get("/pbxapi/system/health").status() == 200);
    }

    @Before
    public void seed() {
        await("the extensions resource answers", () -> http.get("/pbxapi/extensions").status() == 401);
        admin = asAdmin();
        synchronized (LargeListIT.class) {
            if (seeded) {
                return;
            }
            StringBuilder csv = new StringBuilder("extension,name,secret\r\n");
            for (int n = FIRST; n < FIRST + SEEDED; n++) {
                csv.append(n).append(",Long list ").append(n).append(",pw").append(n).append("x\r\n");
            }
            Http.Response accepted = admin.send("POST", "/pbxapi/extensions/import?reload=0", csv.toString(),
                    Map.of("Content-Type", "text/csv"));
            assertEquals(accepted.toString(), 202, accepted.status());
            String location = accepted.header("location");
            String job = location.substring(location.indexOf("/pbxapi/"));
            await("the seeding import ends", SEED_DEADLINE,
                    () -> !"running".equals(admin.get(job).json().get("state").asText()));
            JsonNode done = admin.get(job).json();
            assertEquals(done.toString(), SEEDED, done.get("created").asInt());
            seeded = true;
        }
    }

    @Test
    public void whenManyClientsGetTheWholeListAtOnce_thenEachIsCompleteInOrderAndTheBytesOfThePages() throws Exception {
        String expected = listFromPages();
        assertNumbersIncreaseAndIncludeTheSeeded(new com.fasterxml.jackson.databind.ObjectMapper().readTree(expected));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> admin.send("GET", "/pbxapi/extensions", null,
                        Map.of("Accept", "application/json"))));
            }
            for (Future<Http.Response> answer : answers) {
                Http.Response whole = answer.get(ANSWER_DEADLINE_SECONDS, TimeUnit.SECONDS);
                assertEquals(whole.status() + " " + whole.headers(), 200, whole.status());
                assertTrue("the whole list is the pages' rows, byte for byte (" + whole.body().length() + " chars, "
                        + expected.length() + " expected)", expected.equals(whole.body()));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    public void whenTheWholeListIsAskedAsCsv_thenEveryRowInOrder() throws IOException {
        Http.Response csv = admin.send("GET", "/pbxapi/extensions?format=csv&fields=extension,name", null, Map.of());
        assertEquals(csv.toString(), 200, csv.status());
        String[] lines = csv.body().split("\r\n");
        assertEquals("extension,name", lines[0]);
        JsonNode json = admin.get("/pbxapi/extensions?fields=extension,name").json().get("results");
        assertEquals("a row per extension after the header", json.size(), lines.length - 1);
        for (int i = 0; i < json.size(); i++) {
            JsonNode row = json.get(i);
            // Jackson's CSV quotes a cell with a space; the names hold no quote of their own.
            assertEquals(row.get("extension").asText() + "," + row.get("name").asText(),
                    lines[i + 1].replace("\"", ""));
        }
        assertTrue("the last seeded row", csv.body().contains("\r\n" + (FIRST + SEEDED - 1) + ",\"Long list "
                + (FIRST + SEEDED - 1) + "\"\r\n"));
    }

    /**
     * Clients that send the request and leave without reading: their lists stop (the query cancelled when the
     * write fails, or the rows already in the socket's buffers) and give back their connection and their turn. Were
     * one kept, the whole lists after them would wait for a turn that never comes and answer 503.
     */
    @Test
    public void whenClientsLeaveInTheMiddle_thenTheirConnectionsComeBack() throws Exception {
        String token = Logins.adminToken(http);
        for (int i = 0; i < 2 * CLIENTS; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port()), 5_000);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /pbxapi/extensions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] start = in.readNBytes(16); // the answer has begun: the list is being written
                assertEquals("HTTP/1.1 200 OK", new String(start, StandardCharsets.ISO_8859_1).trim());
                socket.setSoLinger(true, 0); // a reset, as a client killed mid-download
            }
        }
        for (int i = 0; i < 2 * 4 + 1; i++) { // more whole lists than core writes at once, one after another
            Http.Response whole = admin.get("/pbxapi/extensions?fields=extension");
            assertEquals(whole.toString().substring(0, Math.min(300, whole.toString().length())), 200,
                    whole.status());
            assertNumbersIncreaseAndIncludeTheSeeded(whole.json());
        }
        Http.Response write = admin.json("PUT", "/pbxapi/extensions/" + (FIRST + SEEDED) + "?reload=0",
                "{\"name\":\"After the leavers\"}");
        assertEquals(write.toString(), 200, write.status());
        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/" + (FIRST + SEEDED) + "?reload=0", null,
                Map.of()).status());
    }

    /**
     * A whole list runs its query before anything is written: with the database away, the answer is a 503 problem
     * with Retry-After, as for any other request, not a 200 cut short. A page read right before shows that the
     * token is good without the database.
     */
    @Test
    public void whenTheDatabaseIsAway_thenTheWholeListIsA503ProblemNotACutAnswer() throws IOException {
        assertEquals(200, admin.get("/pbxapi/extensions?limit=1").status());
        TcpProxy proxy = ProxiedDatabase.open(context);
        proxy.close();
        try {
            for (String path : List.of("/pbxapi/extensions", "/pbxapi/extensions?format=csv", "/pbxapi/ringgroups")) {
                Http.Response away = admin.get(path);
                assertEquals(path + ": " + away.toString().substring(0, Math.min(300, away.toString().length())),
                        503, away.status());
                assertTrue(away.toString(), away.header("content-type").startsWith("application/problem+json"));
                assertTrue(away.toString(), away.header("retry-after") != null);
            }
        } finally {
            ProxiedDatabase.open(context);
        }
        await("the whole list answers again", Duration.ofSeconds(60),
                () -> admin.get("/pbxapi/extensions?fields=extension").status() == 200);
        // Each pooled connection the cut broke answers one request with a 503 before the pool drops it; the tests
        // after this one start once as many requests at once as the pool holds all succeed.
        await("every pooled connection works again", Duration.ofSeconds(60), this::poolAnswersAtOnce);
    }

    private boolean poolAnswersAtOnce() {
        ExecutorService clients = Executors.newFixedThreadPool(POOL_SIZE);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < POOL_SIZE; i++) {
                answers.add(clients.submit(() -> admin.get("/pbxapi/extensions?limit=1").status()));
            }
            boolean all = true;
            for (Future<Integer> answer : answers) {
                all &= answer.get(ANSWER_DEADLINE_SECONDS, TimeUnit.SECONDS) == 200;
            }
            return all;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            clients.shutdownNow();
        }
    }

    /** {@code {"results":[...]}} made of the pages' rows (1,000 at a time, no total), joined as text. */
    private String listFromPages() {
        StringBuilder rows = new StringBuilder();
        String prefix = "{\"results\":[";
        for (int offset = 0;; offset += 1000) {
            Http.Response page = admin.get("/pbxapi/extensions?limit=1000&total=false&offset=" + offset);
            assertEquals(page.toString(), 200, page.status());
            String body = page.body();
            // A full page ends with its next page's URL, which the whole list has not.
            int end = body.contains("],\"next\":\"") ? body.lastIndexOf("],\"next\":\"") : body.length() - 2;
            assertTrue(body.substring(0, Math.min(200, body.length())), body.startsWith(prefix)
                    && (body.endsWith("]}") || body.endsWith("\"}")));
            String inside = body.substring(prefix.length(), end);
            if (inside.isEmpty()) {
                break;
            }
            rows.append(rows.length() == 0 ? "" : ",").append(inside);
        }
        return prefix + rows + "]}";
    }

    private static void assertNumbersIncreaseAndIncludeTheSeeded(JsonNode body) {
        JsonNode results = body.get("results");
        long previous = -1;
        int seededSeen = 0;
        for (JsonNode row : results) {
            long number = Long.parseLong(row.get("extension").asText());
            assertTrue("in number order: " + number + " after " + previous, number > previous);
            previous = number;
            if (number >= FIRST && number < FIRST + SEEDED) {
                seededSeen++;
            }
        }
        assertEquals("every seeded extension, once", SEEDED, seededSeen);
    }
}
