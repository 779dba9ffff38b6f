package org.dialplane.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * API keys (seed 004) and tenants: read-write and read-only keys, global and per-tenant keys, each tenant kept
 * to its own, revocation at once, and the tenants themselves.
 */
public class ApiKeysIT extends DialplaneTestSupport {
    private static final String KEYS = "/pbxapi/apikeys";
    private static final String TENANTS = "/pbxapi/tenants";

    private String admin;

    @Override
    protected Option options() {
        return composite(database("ApiKeysIT"), Logins.adminPassword());
    }

    @Before
    public void logIn() {
        admin = Logins.adminToken(http);
    }

    @Test
    public void whenKeyIsReadOnly_thenItMayOnlyReadWhileAReadWriteKeyMayWrite() {
        String readWrite = createKey(admin, "{\"name\":\"rw\"}").get("key").asText();
        String readOnly = createKey(admin, "{\"name\":\"ro\",\"read_only\":true}").get("key").asText();

        assertEquals(201, post(readWrite, KEYS, "{\"name\":\"made by a key\"}").status());
        assertEquals(200, http.send("GET", KEYS, null, Logins.bearer(readOnly)).status());
        Http.Response write = post(readOnly, KEYS, "{\"name\":\"refused\"}");
        assertEquals(403, write.status());
        ContainerIT.assertProblem(write, 403);
        assertEquals(403, http.send("DELETE", KEYS + "/" + idOf(readWrite), null, Logins.bearer(readOnly)).status());
    }

    @Test
    public void whenKeySentAsQueryParameterHeaderOrBearer_thenAccepted() {
        String key = createKey(admin, "{\"name\":\"three ways\",\"read_only\":true}").get("key").asText();

        assertEquals(200, http.get(KEYS + "?key=" + key).status());
        assertEquals(200, http.send("GET", KEYS, null, Map.of("X-API-Key", key)).status());
        assertEquals(200, http.send("GET", KEYS, null, Logins.bearer(key)).status());
    }

    @Test
    public void whenKeyCreated_thenItIsShownOnceAndNeverListed() {
        JsonNode created = createKey(admin, "{\"name\":\"shown once\"}");
        String key = created.get("key").asText();
        String id = created.get("id").asText();
        assertTrue(key, key.startsWith("dpk_" + id + "_"));

        Http.Response one = http.send("GET", KEYS + "/" + id, null, Logins.bearer(admin));
        Http.Response all = http.send("GET", KEYS, null, Logins.bearer(admin));

        assertEquals(200, one.status());
        assertFalse(one.body(), one.json().get("results").get(0).has("key"));
        assertEquals("shown once", one.json().get("results").get(0).get("name").asText());
        String secret = Logins.secretOf(key);
        assertFalse(one.body().contains(secret));
        assertFalse(all.body().contains(secret));
    }

    @Test
    public void whenTenantKeyListsOrCreatesKeys_thenOnlyItsTenantsKeys() {
        String a = createTenant();
        String b = createTenant();
        String keyA = createKey(admin, "{\"name\":\"a\",\"tenant\":\"" + a + "\"}").get("key").asText();
        JsonNode keyB = createKey(admin, "{\"name\":\"b\",\"tenant\":\"" + b + "\"}");
        String globalId = createKey(admin, "{\"name\":\"global\"}").get("id").asText();

        Set<String> tenantsSeen = new HashSet<>();
        http.send("GET", KEYS, null, Logins.bearer(keyA)).json().get("results")
                .forEach(row -> tenantsSeen.add(row.get("tenant").asText()));
        assertEquals(Set.of(a), tenantsSeen);
        assertEquals(404, http.send("GET", KEYS + "/" + keyB.get("id").asText(), null, Logins.bearer(keyA)).status());
        assertEquals(404, http.send("GET", KEYS + "/" + globalId, null, Logins.bearer(keyA)).status());
        assertEquals(404, http.send("DELETE", KEYS + "/" + keyB.get("id").asText(), null, Logins.bearer(keyA))
                .status());
        assertEquals(403, post(keyA, KEYS, "{\"name\":\"for b\",\"tenant\":\"" + b + "\"}").status());

        Http.Response own = post(keyA, KEYS, "{\"name\":\"own\"}");
        assertEquals(own.toString(), 201, own.status());
        assertEquals(a, own.json().get("results").get(0).get("tenant").asText());
    }

    @Test
    public void whenTenantKeyAsksForGlobalOnlyResources_then403() {
        String tenant = createTenant();
        String key = createKey(admin, "{\"name\":\"t\",\"tenant\":\"" + tenant + "\"}").get("key").asText();

        assertEquals(403, http.send("GET", TENANTS, null, Logins.bearer(key)).status());
        assertEquals(403, http.send("GET", "/pbxapi/system/bundles", null, Logins.bearer(key)).status());
        String global = createKey(admin, "{\"name\":\"g\",\"read_only\":true}").get("key").asText();
        assertEquals(200, http.send("GET", "/pbxapi/system/bundles", null, Logins.bearer(global)).status());
    }

    @Test
    public void whenKeyRevoked_thenItIsRefusedAtOnce() {
        JsonNode created = createKey(admin, "{\"name\":\"to revoke\"}");
        String key = created.get("key").asText();
        assertEquals(200, http.send("GET", KEYS, null, Logins.bearer(key)).status());

        Http.Response revoke = http.send("DELETE", KEYS + "/" + created.get("id").asText(), null,
                Logins.bearer(admin));

        assertEquals(200, revoke.status());
        Http.Response refused = http.send("GET", KEYS, null, Logins.bearer(key));
        assertEquals(401, refused.status());
        ContainerIT.assertProblem(refused, 401);
        assertEquals(404, http.send("GET", KEYS + "/" + created.get("id").asText(), null, Logins.bearer(admin))
                .status());
    }

    @Test
    public void whenKeyImportedFromAnotherSystem_thenItsOwnTextAuthenticates() {
        String tenant = Logins.tenant(http, admin, 91000, 91999);
        Http.Response imported = post(admin, KEYS, "{\"name\":\"MiRTA key\",\"tenant\":\"" + tenant
                + "\",\"read_only\":true,\"key\":\"NLbP7GFNVRqu9SDmImported\"}");
        assertEquals(imported.toString(), 201, imported.status());
        assertEquals("NLbP7GFNVRqu9SDmImported", imported.json().get("results").get(0).get("key").asText());

        assertEquals(200, http.get(KEYS + "?key=NLbP7GFNVRqu9SDmImported").status());
        assertEquals(200, http.send("GET", KEYS, null, Map.of("X-API-Key", "NLbP7GFNVRqu9SDmImported")).status());
        assertEquals(200, http.send("GET", KEYS, null, Logins.bearer("NLbP7GFNVRqu9SDmImported")).status());
        assertEquals("read-only, as imported", 403, post("NLbP7GFNVRqu9SDmImported", KEYS, "{\"name\":\"x\"}").status());
        assertEquals(401, http.get(KEYS + "?key=NLbP7GFNVRqu9SDmImporteD").status());

        assertEquals("imported once", 409, post(admin, KEYS, "{\"name\":\"again\",\"key\":\"NLbP7GFNVRqu9SDmImported\"}")
                .status());
        Http.Response tooShort = post(admin, KEYS, "{\"name\":\"short\",\"key\":\"abc\"}");
        assertEquals(422, tooShort.status());
        assertTrue(tooShort.body(), tooShort.body().contains("key"));
        String tenantKey = createKey(admin, "{\"name\":\"rw\",\"tenant\":\"" + tenant + "\"}").get("key").asText();
        assertEquals("only the installation's admin chooses a key's text", 403,
                post(tenantKey, KEYS, "{\"name\":\"mine\",\"key\":\"ChosenByATenant1234\"}").status());
    }

    @Test
    public void whenKeyIsUnknownOrMalformed_then401() {
        String key = createKey(admin, "{\"name\":\"real\"}").get("key").asText();
        String wrongSecret = key.substring(0, key.length() - 2) + (key.endsWith("AA") ? "BB" : "AA");

        assertEquals(401, http.get(KEYS + "?key=" + wrongSecret).status());
        assertEquals(401, http.get(KEYS + "?key=NLbP7GFNVRqu9SDm").status());
        assertEquals(401, http.send("GET", KEYS, null, Map.of("X-API-Key", "dpk_")).status());
    }

    @Test
    public void whenTenantDisabled_thenItsKeysAreRefused() {
        String tenant = createTenant();
        String key = createKey(admin, "{\"name\":\"t\",\"tenant\":\"" + tenant + "\"}").get("key").asText();
        assertEquals(200, http.send("GET", KEYS, null, Logins.bearer(key)).status());

        assertEquals(200, put(admin, TENANTS + "/" + tenant, "{\"enabled\":false}").status());

        assertEquals(403, http.send("GET", KEYS, null, Logins.bearer(key)).status());
    }

    @Test
    public void whenTenantsManaged_thenCreatedReadUpdatedAndDeletedWhenEmpty() {
        String code = uniqueCode();
        Http.Response created = post(admin, TENANTS,
                "{\"code\":\"" + code + "\",\"name\":\"Acme\",\"range_start\":5000,\"range_end\":5099}");
        assertEquals(created.toString(), 201, created.status());
        String location = created.header("location");
        assertTrue(location, location.contains(TENANTS + "/"));
        String path = location.substring(location.indexOf("/pbxapi/"));

        JsonNode tenant = http.send("GET", path, null, Logins.bearer(admin)).json().get("results").get(0);
        assertEquals(code, tenant.get("code").asText());
        assertEquals(5000, tenant.get("range_start").asInt());
        assertTrue(tenant.get("enabled").asBoolean());

        Http.Response updated = put(admin, path, "{\"name\":\"Acme Ltd\"}");
        assertEquals(200, updated.status());
        assertEquals("Acme Ltd", updated.json().get("results").get(0).get("name").asText());
        assertEquals(5099, updated.json().get("results").get(0).get("range_end").asInt());

        assertEquals(409, post(admin, TENANTS, "{\"code\":\"" + code + "\",\"name\":\"again\"}").status());
        assertEquals(200, http.send("DELETE", path, null, Logins.bearer(admin)).status());
        assertEquals(404, http.send("GET", path, null, Logins.bearer(admin)).status());
    }

    @Test
    public void whenTenantHasKeysOrIsTheDefault_thenItIsNotDeleted() {
        String tenant = createTenant();
        createKey(admin, "{\"name\":\"keeps it\",\"tenant\":\"" + tenant + "\"}");

        assertEquals(409, http.send("DELETE", TENANTS + "/" + tenant, null, Logins.bearer(admin)).status());
        assertEquals(409, http.send("DELETE", TENANTS + "/default", null, Logins.bearer(admin)).status());
    }

    @Test
    public void whenTenantIsInvalid_then422WithTheFields() {
        Http.Response response = post(admin, TENANTS,
                "{\"code\":\"1bad code\",\"range_start\":10,\"range_end\":5}");

        assertEquals(422, response.status());
        ContainerIT.assertProblem(response, 422);
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(Set.of("code", "name", "range_end"), fields);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String createTenant() {
        String code = uniqueCode();
        Http.Response response = post(admin, TENANTS, "{\"code\":\"" + code + "\",\"name\":\"Tenant " + code + "\"}");
        assertEquals(response.toString(), 201, response.status());
        return code;
    }

    /** A new key's row, with its text in {@code key}. */
    private JsonNode createKey(String credential, String body) {
        Http.Response response = post(credential, KEYS, body);
        assertEquals(response.toString(), 201, response.status());
        return response.json().get("results").get(0);
    }

    private Http.Response post(String credential, String path, String json) {
        return http.send("POST", path, json, Logins.jsonWithBearer(credential));
    }

    private Http.Response put(String credential, String path, String json) {
        return http.send("PUT", path, json, Logins.jsonWithBearer(credential));
    }

    private static String idOf(String key) {
        return key.split("_")[1];
    }

    /** Codes unique across runs on one database. */
    private static String uniqueCode() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
