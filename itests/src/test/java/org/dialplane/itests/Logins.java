package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
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

    /** Creates a tenant with a number range; its code. */
    public static String tenant(Http http, String adminToken, int start, int end) {
        String code = "t" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Response response = http.send("POST", "/pbxapi/tenants", "{\"code\":\"" + code + "\",\"name\":\"Tenant "
                + code + "\",\"range_start\":" + start + ",\"range_end\":" + end + "}", jsonWithBearer(adminToken));
        assertEquals(response.toString(), 201, response.status());
        return code;
    }

    /** Creates an API key ({@code body}: name, tenant, read_only); the key's text, shown only this once. */
    public static String apiKey(Http http, String adminToken, String body) {
        Http.Response response = http.send("POST", "/pbxapi/apikeys", body, jsonWithBearer(adminToken));
        assertEquals(response.toString(), 201, response.status());
        return response.json().get("results").get(0).get("key").asText();
    }

    /**
     * The secret of a minted key ({@code dpk_<16 hex>_<secret>}): all after the id, since a Base64url secret may
     * itself hold an underscore (the text after the last one can be two letters found anywhere).
     */
    public static String secretOf(String key) {
        assertTrue(key, key.matches("dpk_[0-9a-f]{16}_.{43}"));
        return key.substring("dpk_".length() + 16 + 1);
    }
}
