package org.dialplane.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code after} cursor of a page of extensions in number order, as core's {@code rest.Cursor} writes it
 * (base64url of {@code ["extension asc","<last extension>"]}). Clients treat it as opaque and follow {@code next};
 * the bench builds it so that any page of the seeded range can be asked for directly.
 */
public final class Cursors {
    private Cursors() {
    }

    /** The cursor of the page that starts after this extension. */
    public static String after(String extension) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("[\"extension asc\",\"" + extension + "\"]").getBytes(StandardCharsets.UTF_8));
    }

    /** The extension a cursor holds (the baseline's side; no checks: it only reads the bench's own cursors). */
    public static String key(String cursor) {
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return json.substring(json.lastIndexOf(",\"") + 2, json.length() - 2);
    }
}
