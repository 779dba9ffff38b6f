package org.dialplane.cdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.dialplane.core.rest.ApiException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code after} cursor of keyset paging: the key of the last row of a page (its time and tiebreak columns, as
 * text), with the table it belongs to, as opaque base64url. The next page is the rows whose key is greater, so
 * page 1,000 costs what page 1 costs, and rows inserted meanwhile neither shift nor repeat a page.
 */
final class Cursor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final int MAX_LENGTH = 1000;

    private Cursor() {
    }

    static String encode(String table, List<String> key) {
        List<String> all = new ArrayList<>(key.size() + 1);
        all.add(table);
        all.addAll(key);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key in a cursor of this table with {@code size} key values.
     *
     * @throws ApiException 400 naming {@code after} for anything that is not such a cursor
     */
    static List<String> decode(String cursor, String table, int size) {
        ApiException bad = ApiException.badRequest("after: not a cursor of this list; use the next cursor a"
                + " page answered");
        if (cursor.length() > MAX_LENGTH) {
            throw bad;
        }
        try {
            List<String> all = JSON.readValue(Base64.getUrlDecoder().decode(cursor.trim()), TEXTS);
            if (all.size() != size + 1 || !table.equals(all.get(0)) || all.contains(null)) {
                throw bad;
            }
            return List.copyOf(all.subList(1, all.size()));
        } catch (IOException | IllegalArgumentException e) {
            throw bad;
        }
    }
}
