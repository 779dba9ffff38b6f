package org.dialplane.core.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code after} cursor of keyset paging: the key of the last row of a page, with the scope it belongs to (the
 * list and its order), as opaque base64url of a JSON array of text. The next page is the rows whose key comes
 * after it, so the last page costs what the first costs, and rows inserted or deleted meanwhile neither shift nor
 * repeat a page. {@link Query} uses it for every list whose order is a {@link FieldSet.Trait#KEY} field, and the
 * cdr bundle for its own keyset pages.
 */
public final class Cursor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final int MAX_LENGTH = 1000;

    private Cursor() {
    }

    /** The cursor after {@code key} in {@code scope}. */
    public static String encode(String scope, List<String> key) {
        List<String> all = new ArrayList<>(key.size() + 1);
        all.add(scope);
        all.addAll(key);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key in a cursor of this scope with {@code size} key values.
     *
     * @throws ApiException 400 naming {@code after} for anything that is not such a cursor
     */
    public static List<String> decode(String cursor, String scope, int size) {
        ApiException bad = ApiException.badRequest("after: not a cursor of this list in this order; use the next"
                + " cursor a page answered");
        if (cursor.length() > MAX_LENGTH) {
            throw bad;
        }
        try {
            List<String> all = JSON.readValue(Base64.getUrlDecoder().decode(cursor.trim()), TEXTS);
            if (all == null || all.size() != size + 1 || !scope.equals(all.get(0)) || all.contains(null)) {
                throw bad;
            }
            return List.copyOf(all.subList(1, all.size()));
        } catch (IOException | IllegalArgumentException e) {
            throw bad;
        }
    }
}
