package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.ops4j.pax.exam.CoreOptions.composite;

/**
 * Request ids and the access log: an offered X-Request-Id is kept when valid and replaced otherwise, returned on
 * every answer (also the readiness gate's and Jetty's own rejections) and in problem+json bodies; every request is
 * written once to log/access.log with its route template, never its ids or the caller's credential; the format
 * follows etc/org.dialplane.accesslog.cfg while running.
 */
public class AccessLogIT extends DialplaneTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Option options() {
        return composite(database("AccessLogIT"), Logins.adminPassword());
    }

    @Test
    public void whenRequestOffersValidId_thenAnswerProblemAndAccessLogCarryIt() {
        String token = Logins.adminToken(http);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "X-Request-Id", "it-Req_1.a");
        Http.Response answer = http.send("GET", "/pbxapi/extensions/98765", null, headers);

        assertEquals(answer.toString(), 404, answer.status());
        assertEquals("it-Req_1.a", answer.header("X-Request-Id"));
        assertEquals("it-Req_1.a", answer.json().get("requestId").asText());
        String line = awaitLine("it-Req_1.a");
        assertTrue(line, line.contains("\"GET /pbxapi/extensions/{ids} HTTP/1.1\" 404 "));
        assertTrue("the caller's name, not its credential: " + line, line.contains(" - admin ["));
        assertFalse(line, line.contains("98765"));
        assertFalse(line, line.contains(token.substring(0, 20)));
    }

    @Test
    public void whenRequestOffersInvalidId_thenANewOneIsGenerated() {
        for (String offered : List.of("has space", "x".repeat(65), "a;b", "")) {
            Http.Response answer = http.send("GET", "/pbxapi/system/health", null, Map.of("X-Request-Id", offered));
            String id = answer.header("X-Request-Id");
            assertNotEquals(offered, id);
            assertTrue(id, id.matches("[0-9a-f]{32}"));
        }
        String first = http.get("/pbxapi/system/health").header("X-Request-Id");
        assertNotEquals(first, http.get("/pbxapi/system/health").header("X-Request-Id"));
    }

    @Test
    public void whenUnauthenticated_thenProblemNamesTheGeneratedId() {
        Http.Response answer = http.get("/pbxapi/extensions");

        assertEquals(401, answer.status());
        assertEquals(answer.header("X-Request-Id"), answer.json().get("requestId").asText());
        String line = awaitLine(answer.header("X-Request-Id"));
        assertTrue(line, line.contains("\"GET /pbxapi/extensions HTTP/1.1\" 401 "));
    }

    @Test
    public void whenJettyRejectsTheRequest_thenItsProblemHasAnId() throws IOException {
        Http.Response answer = RawHttp.exchange(port(), "GET /pbxapi/calls/a%2Fb/recording HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Request-Id: rejected-1\r\nConnection: close\r\n\r\n");

        // Jetty rejects the request line before it reads the headers: the id offered is not known yet.
        assertEquals(400, answer.status());
        String id = answer.header("X-Request-Id");
        assertTrue(id, id.matches("[0-9a-f]{32}"));
        assertEquals(id, answer.json().get("requestId").asText());
        String line = awaitLine(id);
        assertTrue(line, line.contains(" 400 ") || line.contains("\"status\":400"));
        assertFalse("no raw path in the log: " + line, line.contains("a%2Fb"));
    }

    @Test
    public void whenJsonFormatConfigured_thenLinesAreJson() throws IOException {
        configure("format = json\n");
        try {
            String id = awaitFormat("JSON", l -> l.startsWith("{"));
            JsonNode line = JSON.readTree(line(id).orElseThrow());
            assertEquals("/pbxapi/system/health", line.get("route").asText());
            assertEquals(200, line.get("status").asInt());
            assertEquals("GET", line.get("method").asText());
            assertTrue(line.toString(), line.get("bytes").asLong() > 0);
            assertTrue(line.toString(), line.get("durationMs").asDouble() >= 0);
        } finally {
            configure("format = combined\n");
            awaitFormat("combined", l -> l.startsWith("127.0.0.1 - - ["));
        }
    }

    /** Sends requests until one is logged in the format; its request id. */
    private String awaitFormat(String format, java.util.function.Predicate<String> isFormat) {
        String[] id = new String[1];
        await("the access log writes " + format + " lines", () -> {
            id[0] = "format-" + System.nanoTime();
            http.send("GET", "/pbxapi/system/health", null, Map.of("X-Request-Id", id[0]));
            // a line is written out within a second; a few requests may go by in the meantime
            return Files.exists(home().resolve("log/access.log")) && anyLine(isFormat, "format-");
        });
        return lastId("format-", isFormat);
    }

    /** As etc/org.dialplane.accesslog.cfg would; the test containers watch deploy/ for configurations. */
    private void configure(String text) throws IOException {
        Path deploy = home().resolve("deploy");
        Path temporary = Files.writeString(home().resolve("org.dialplane.accesslog.cfg.tmp"), text);
        Files.move(temporary, deploy.resolve("org.dialplane.accesslog.cfg"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean anyLine(java.util.function.Predicate<String> isFormat, String idPrefix) {
        return lastId(idPrefix, isFormat) != null;
    }

    /** The id of the last line with an id starting with the prefix, in the format; null if none. */
    private String lastId(String idPrefix, java.util.function.Predicate<String> isFormat) {
        try {
            return Files.readAllLines(home().resolve("log/access.log")).stream()
                    .filter(isFormat).filter(l -> l.contains(idPrefix)).reduce((a, b) -> b)
                    .map(l -> l.replaceAll(".*(" + idPrefix + "[0-9]+).*", "$1")).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String awaitLine(String requestId) {
        await("the access log has request " + requestId, () -> line(requestId).isPresent());
        return line(requestId).orElseThrow();
    }

    private Optional<String> line(String requestId) {
        Path log = home().resolve("log/access.log");
        try {
            if (!Files.exists(log)) {
                return Optional.empty();
            }
            return Files.readAllLines(log).stream().filter(l -> l.contains(requestId)).reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path home() {
        return Path.of(context.getProperty("dialplane.home"));
    }
}
