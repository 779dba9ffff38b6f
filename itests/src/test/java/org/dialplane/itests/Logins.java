package org.dialplane.itests;

import static org.junit.Assert.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Logging in as the admin user ({@link DialplaneTestSupport#admin()}), with the raw tokens. */
public final class Logins {
    /** An embedded MariaDB's first start, with its schema, can take this long on a small machine. */
    private static final Duration DATABASE_DEADLINE = Duration.ofSeconds(90);

    private Logins() {
    }

    /** Logs in with a form, as Issabel's pbxapi clients do. */
    public static Http.Response login(Http http, String user, String password) {
        String form = "user=" + encode(user) + "&password=" + encode(password);
        return http.send("POST", "/pbxapi/authenticate", form,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** A fresh token pair for the admin user. */
    public static JsonNode adminTokens(Http http) {
        Http.Response response = login(http, "admin", DialplaneTestSupport.ADMIN_PASSWORD);
        assertEquals(response.toString(), 200, response.status());
        return response.json();
    }

    /**
     * An access token for the admin user, once login works: the database behind it may still be starting when
     * the API already answers (its first start takes a while).
     */
    public static String awaitAdminToken(Http http) {
        String[] token = new String[1];
        DialplaneTestSupport.await("the admin user can log in", DATABASE_DEADLINE, () -> {
            Http.Response response = login(http, "admin", DialplaneTestSupport.ADMIN_PASSWORD);
            token[0] = response.status() == 200 ? response.json().get("access_token").asText() : null;
            return token[0] != null;
        });
        return token[0];
    }

    /** A fresh access token for the admin user. */
    public static String adminToken(Http http) {
        return adminTokens(http).get("access_token").asText();
    }

    public static Map<String, String> bearer(String credential) {
        return Map.of("Authorization", "Bearer " + credential);
    }

    public static Map<String, String> jsonWithBearer(String credential) {
        return Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json");
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
