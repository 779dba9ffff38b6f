package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The MiRTA side of the facade's tests: seed 004's URLs and PHP snippets as written, sent with only the host changed
 * (MirtaIT imports the seed's key; other tests send keys of their own in its place), and the checks of MiRTA's
 * answers.
 */
final class Mirta {
    /** The seed's base and key, as every one of its examples has them. */
    static final String SEED_BASE = "https://demo.mirtapbx.com";
    static final String SEED_KEY = "NLbP7GFNVRqu9SDm";
    static final String SEED = SEED_BASE + "/mirtapbx/proxyapi.php?key=" + SEED_KEY;

    private Mirta() {
    }

    /** A seed URL as the request path here: the host dropped, the seed's key replaced by {@code key}. */
    static String path(String seedUrl, String key) {
        assertTrue(seedUrl, seedUrl.startsWith(SEED_BASE + "/"));
        return seedUrl.substring(SEED_BASE.length()).replace("key=" + SEED_KEY, "key=" + URLEncoder.encode(key,
                StandardCharsets.UTF_8));
    }

    static Http.Response get(Http http, String seedUrl, String key) {
        return http.get(path(seedUrl, key));
    }

    /** A GET sent byte for byte: the seed's {@code tenant=%} is not a URI that Java's HTTP client will send. */
    static Http.Response raw(int port, String seedUrl, String key) throws java.io.IOException {
        return RawHttp.exchange(port, "GET " + path(seedUrl, key) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
    }

    /**
     * The seed's PHP snippets: {@code curl_setopt($resource, CURLOPT_POSTFIELDS, "jsondata=".urlencode(
     * json_encode($config)))}, which curl sends as a form.
     */
    static Http.Response postJsondata(Http http, String seedUrl, String key, String json) {
        return http.send("POST", path(seedUrl, key), "jsondata=" + URLEncoder.encode(json, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** A pipe answer: its status, a text body, and its fields (the line split on |, the last | dropped). */
    static String[] pipe(Http.Response response, int status) {
        assertEquals(response.toString(), status, response.status());
        String type = response.header("content-type");
        assertTrue(response.toString(), type != null && type.startsWith("text/plain"));
        assertTrue(response.toString(), response.body().endsWith("|"));
        return response.body().substring(0, response.body().length() - 1).split("\\|", -1);
    }

    /** {@code Error|<message>|} with the status, never problem+json; the message. */
    static String error(Http.Response response, int status) {
        String[] fields = pipe(response, status);
        assertEquals(response.toString(), 2, fields.length);
        assertEquals(response.toString(), "Error", fields[0]);
        return fields[1];
    }
}
