package org.dialplane.core.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.dialplane.core.internal.rest.Json;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AccessLogFormatTest {
    private static final RequestRecord RECORD = new RequestRecord(Instant.parse("2026-01-02T03:04:05Z"), "rid-1",
            "GET", "/pbxapi/extensions/{ids}", "HTTP/1.1", 200, 512, 1_234_567, "admin", "10.0.0.1",
            "curl/8 \"quoted\"\nnext", null);

    @Test
    void whenCombined_thenApacheFieldsThenDurationAndId() {
        String line = AccessLogFormat.COMBINED.apply(RECORD);

        assertTrue(line.startsWith("10.0.0.1 - admin ["), line);
        assertTrue(line.contains("] \"GET /pbxapi/extensions/{ids} HTTP/1.1\" 200 512 \"-\" \"curl/8 ?quoted??next\" "
                + "1.234 rid-1"), line);
        assertEquals(-1, line.indexOf('\n'));
    }

    @Test
    void whenNoRouteNoCallerNoBytes_thenDashes() {
        RequestRecord bare = new RequestRecord(RECORD.time(), "rid-2", "GET", null, "HTTP/1.1", 503, 0, 1000, null,
                "::1", null, null);

        assertTrue(AccessLogFormat.COMBINED.apply(bare).matches("::1 - - \\[.*\\] \"GET - HTTP/1.1\" 503 - \"-\" \"-\" "
                + "0.001 rid-2"), AccessLogFormat.COMBINED.apply(bare));
    }

    @Test
    void whenJson_thenOneObjectWithTheFields() throws Exception {
        JsonNode line = Json.MAPPER.readTree(AccessLogFormat.JSON.apply(RECORD));

        assertEquals("rid-1", line.get("requestId").asText());
        assertEquals("/pbxapi/extensions/{ids}", line.get("route").asText());
        assertEquals(200, line.get("status").asInt());
        assertEquals(512, line.get("bytes").asLong());
        assertEquals(1.234, line.get("durationMs").asDouble());
        assertEquals("admin", line.get("caller").asText());
    }

    @Test
    void whenDurationHasLeadingZeroDecimals_thenThreeDecimalsKept() {
        assertEquals("0.000", AccessLogFormat.millis(withNanos(999)));
        assertEquals("0.007", AccessLogFormat.millis(withNanos(7_000)));
        assertEquals("12.045", AccessLogFormat.millis(withNanos(12_045_900)));
        assertEquals("3000.100", AccessLogFormat.millis(withNanos(3_000_100_000L)));
    }

    @Test
    void whenSameSecondOrNext_thenTimeFormattedForEach() {
        Instant second = Instant.parse("2026-01-02T03:04:05Z");
        String first = AccessLogFormat.clfTime(second);

        assertEquals(first, AccessLogFormat.clfTime(second.plusMillis(999)));
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ROOT)
                .withZone(java.time.ZoneId.systemDefault()).format(second.plusSeconds(1)),
                AccessLogFormat.clfTime(second.plusSeconds(1)));
    }

    private static RequestRecord withNanos(long nanos) {
        return new RequestRecord(RECORD.time(), "rid", "GET", null, "HTTP/1.1", 200, 0, nanos, null, "::1", null,
                null);
    }

    @Test
    void whenFormatNamed_thenFoundIgnoringCase() {
        assertEquals(AccessLogFormat.JSON, AccessLogFormat.named(" JSON "));
        assertEquals(AccessLogFormat.COMBINED, AccessLogFormat.named("combined"));
        assertNull(AccessLogFormat.named("xml"));
    }
}
