package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.db.SqlFragment;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what core makes of request text before a resource sees it: query parameters ({@link Query}), id lists
 * ({@link Ids}) and {@code Range} headers ({@link ByteRange}). The contract is the same for each: a value, or an
 * {@link ApiException} with a 4xx status; never another exception, never SQL text made of the request. Seeds are
 * in {@code RequestTextFuzzTestInputs/<method>/}; {@code mvn test} runs them, {@code JAZZER_FUZZ=1} fuzzes (README
 * "Reliability").
 */
class RequestTextFuzzTest {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "u.extension", FieldSpec.text(), FieldSet.Trait.DEFAULT, FieldSet.Trait.SEARCHABLE)
            .field("name", "u.name", FieldSpec.text().maxLength(50), FieldSet.Trait.DEFAULT,
                    FieldSet.Trait.SEARCHABLE)
            .field("secret", "s.data", FieldSpec.text().secret(), FieldSet.Trait.UNSORTABLE)
            .field("ringtimer", "u.ringtimer", FieldSpec.integer().range(0, 300))
            .orderBy("extension")
            .build();
    private static final Pattern SAFE_SQL = Pattern.compile("[A-Za-z0-9_., ()=?'!%]*");
    private static final Pattern TEXT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** The input is a query string ({@code limit=5&order=name&search=a%25}), decoded as Jersey would. */
    @FuzzTest(maxDuration = "1m")
    void whenAnyQueryString_thenParsedWithinBoundsOrRejectedWith400(byte[] input) {
        Map<String, List<String>> parameters = parameters(new String(input, StandardCharsets.UTF_8));
        Query query;
        try {
            query = Query.parse(parameters, FIELDS);
        } catch (ApiException rejected) {
            assertEquals(400, rejected.problem().status(), rejected.getMessage());
            return;
        }
        query.limit().ifPresent(limit -> assertTrue(limit >= 1 && limit <= Query.MAX_LIMIT));
        assertTrue(query.offset() >= 0);
        assertFalse(query.fields().isEmpty());
        assertTrue(FIELDS.names().containsAll(query.fields()));
        for (SqlFragment sql : List.of(query.orderBy(), query.searchCondition(), query.limitOffset(),
                query.select("extension", Map.of()))) {
            assertTrue(SAFE_SQL.matcher(sql.sql()).matches(), "request text in SQL: " + sql.sql());
        }
        query.search().ifPresent(search -> {
            String escaped = Query.escapeLike(search);
            assertFalse(escaped.replace("!!", "").replace("!%", "").replace("!_", "").matches(".*[%_!].*"),
                    "an unescaped wildcard in " + escaped);
        });
    }

    /** The input is a path segment such as {@code 1005,1006}. */
    @FuzzTest(maxDuration = "1m")
    void whenAnyIdSegment_thenEveryIdMatchesOrRejectedWith400(byte[] input) {
        String segment = new String(input, StandardCharsets.UTF_8);
        for (Pattern pattern : List.of(Ids.NUMERIC, TEXT_ID)) {
            try {
                Ids ids = Ids.parse(segment, pattern);
                assertTrue(ids.size() >= 1 && ids.size() <= Ids.MAX_IDS);
                ids.forEach(id -> assertTrue(pattern.matcher(id).matches(), id));
            } catch (ApiException rejected) {
                assertEquals(400, rejected.problem().status(), rejected.getMessage());
            }
        }
    }

    /** The input is {@code <length>\n<Range header>}, e.g. {@code 1000\nbytes=0-99}. */
    @FuzzTest(maxDuration = "1m")
    void whenAnyRangeHeader_thenRangeInsideTheFileOr416(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        long length = 1000;
        String header = text;
        if (newline >= 0) {
            try {
                length = Math.abs(Long.parseLong(text.substring(0, newline).trim()) % (1L << 40));
            } catch (NumberFormatException e) {
                length = 0;
            }
            header = text.substring(newline + 1);
        }
        try {
            long size = length;
            ByteRange.parse(header, length).ifPresent(range -> {
                assertTrue(range.first() >= 0 && range.first() <= range.last() && range.last() < size,
                        range.contentRange());
                assertEquals(range.last() - range.first() + 1, range.size());
            });
        } catch (ApiException rejected) {
            assertEquals(416, rejected.problem().status(), rejected.getMessage());
        }
    }

    static Map<String, List<String>> parameters(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // Jersey keeps a malformed escape as it is
        }
    }
}
