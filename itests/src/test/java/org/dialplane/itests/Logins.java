package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/** Logging in as the admin user, for tests of anything behind authentication. */
public final class Logins {
    /** The admin password the containers of {@link #adminPassword()} are given. */
    public static final String ADMIN_PASSWORD = "it-Admin-password-1";

    private Logins() {
    }

    /** Sets the admin password, as {@code DIALPLANE_ADMIN_PASSWORD} does for the product. */
    public static Option adminPassword() {
        return frameworkProperty("dialplane.admin.password").value(ADMIN_PASSWORD);
    }

    /** Logs in with a form, as Issabel's pbxapi clients do. */
    public static Http.Response login(Http http, String user, String password) {
        String form = "user=" + encode(user) + "&password=" + encode(password);
        return http.send("POST", "/pbxapi/authenticate", form,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** A fresh token pair for the admin user. */
    public static JsonNode adminTokens(Http http) {
        Http.Response response = login(http, "admin", ADMIN_PASSWORD);
        assertEquals(response.toString(), 200, response.status());
        return response.json();
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
