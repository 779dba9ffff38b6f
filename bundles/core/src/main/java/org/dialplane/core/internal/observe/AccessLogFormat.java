package org.dialplane.core.internal.observe;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.dialplane.core.internal.rest.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * How one request is written to the access log. The path is always the route template (no ids, no query string:
 * {@code ?key=} may carry an API key); the user is the caller's name, never a credential.
 */
enum AccessLogFormat implements Function<RequestRecord, String> {
    /**
     * Apache's combined format, which log tools parse as they are, with the duration in milliseconds and the request
     * id appended (as {@code %D}/{@code %{X-Request-Id}i} extensions usually are).
     */
    COMBINED {
        @Override
        public String apply(RequestRecord r) {
            StringBuilder line = new StringBuilder(200);
            line.append(dash(r.remote())).append(" - ").append(dash(clean(r.caller()))).append(" [")
                    .append(clfTime(r.time())).append("] \"").append(r.method()).append(' ')
                    .append(routeOrDash(r)).append(' ').append(r.protocol()).append("\" ").append(r.status())
                    .append(' ').append(r.bytes() > 0 ? Long.toString(r.bytes()) : "-").append(" \"")
                    .append(dash(clean(r.referer()))).append("\" \"").append(dash(clean(r.userAgent())))
                    .append("\" ").append(millis(r)).append(' ').append(r.requestId());
            return line.toString();
        }
    },
    /** One JSON object per line, for log shippers (Loki, Elasticsearch, Vector). */
    JSON {
        @Override
        public String apply(RequestRecord r) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", r.time().toString());
            line.put("requestId", r.requestId());
            line.put("method", r.method());
            line.put("route", r.route());
            line.put("status", r.status());
            line.put("bytes", r.bytes());
            line.put("durationMs", Double.parseDouble(millis(r)));
            line.put("caller", r.caller());
            line.put("remote", r.remote());
            line.put("userAgent", r.userAgent());
            try {
                return Json.MAPPER.writeValueAsString(line);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write an access log line", e);
            }
        }
    };

    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final int MAX_FIELD = 200;
    /** The last second {@link #clfTime} formatted; a race only formats a second twice. */
    private static volatile FormattedSecond lastSecond;

    /** The format named by the configuration ({@code combined} or {@code json}); {@code null} for another name. */
    static AccessLogFormat named(String name) {
        for (AccessLogFormat format : values()) {
            if (format.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return format;
            }
        }
        return null;
    }

    private static String routeOrDash(RequestRecord r) {
        return r.route() == null ? "-" : r.route();
    }

    /** Milliseconds with three decimals (by hand: {@code String.format} was a third of a line's cost). */
    static String millis(RequestRecord r) {
        long micros = r.nanos() / 1_000;
        long fraction = micros % 1_000;
        StringBuilder text = new StringBuilder(12).append(micros / 1_000).append('.');
        if (fraction < 100) {
            text.append(fraction < 10 ? "00" : "0");
        }
        return text.append(fraction).toString();
    }

    /**
     * The time in the combined format, formatted once per second: the formatter was the other third of a line's
     * cost, and a busy server logs many lines in the same second.
     */
    static String clfTime(Instant time) {
        long second = time.getEpochSecond();
        FormattedSecond last = lastSecond;
        if (last == null || last.second() != second) {
            last = new FormattedSecond(second, CLF_TIME.format(Instant.ofEpochSecond(second)));
            lastSecond = last;
        }
        return last.text();
    }

    private record FormattedSecond(long second, String text) {
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** Printable ASCII without quotes or backslashes, of a bounded length: a header cannot forge a log line. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_FIELD));
        for (int i = 0; i < value.length() && safe.length() < MAX_FIELD; i++) {
            char c = value.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return safe.toString();
    }
}
