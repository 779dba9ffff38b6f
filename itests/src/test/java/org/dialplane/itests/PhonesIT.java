package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/phones} and {@code /pbxapi/phonemodels}: MiRTA's MANAGEDB PHONE examples through their REST
 * equivalents, MAC forms and duplicates, lines and tenants, read-only keys, and a vendor's model bundle coming
 * and going.
 */
public class PhonesIT extends DialplaneTestSupport {
    static final String PHONES = "/pbxapi/phones";
    static final String MODELS = "/pbxapi/phonemodels";
    static final String VENDOR_MODEL = "example-desk-2";

    private Http admin;
    private String adminToken;

    @Override
    protected Option options() {
        return composite(database(), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    /** A fresh database of this class's own; {@link PhonesOnDumpIT} runs the same tests on the 2018 dump. */
    protected Option database() {
        return database("PhonesIT");
    }

    @Before
    public void login() {
        await("the phones resource answers", () -> http.get(PHONES).status() == 401);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
    }

    @Test
    public void whenSeedExamplesSent_thenTheirRestEquivalentsAnswer() {
        // MiRTA: action=add, ph_name, ph_mac (eight octets), ph_pm_id.
        Http.Response added = admin.json("POST", PHONES,
                "{\"name\":\"George Basement\",\"mac\":\"AA:BB:CC:DD:EE:FF:00:11\",\"model\":\"yealink-t4x-t5x\"}");
        assertEquals(added.toString(), 201, added.status());
        assertEquals("", added.body());
        String location = added.header("location");
        assertTrue(location, location.matches("http://[^/]+/pbxapi/phones/[0-9]+"));
        String id = location.substring(location.lastIndexOf('/') + 1);

        // action=list and action=get&objectid=...
        JsonNode listed = admin.get(PHONES).json().get("results");
        assertTrue(listed.toString(), JsonAssert.texts(listed, "id").contains(id));
        JsonNode phone = admin.get(PHONES + "/" + id).json().get("results").get(0);
        assertEquals(Long.parseLong(id), phone.get("id").asLong());
        assertTrue(phone.get("id").isNumber());
        assertEquals("George Basement", phone.get("name").asText());
        assertEquals("AA:BB:CC:DD:EE:FF:00:11", phone.get("mac").asText());
        assertEquals("yealink-t4x-t5x", phone.get("model").asText());
        assertEquals(0, phone.get("lines").size());
        assertTrue(phone.toString(), phone.get("provisioning_url").asText().matches("/provisioning/[A-Za-z0-9_-]{32}/"));

        // action=update&objectid=...: only ph_name changes; no Location on an update.
        Http.Response updated = admin.json("PUT", PHONES + "/" + id, "{\"name\":\"George Lower Basement\"}");
        assertEquals(updated.toString(), 200, updated.status());
        assertNull(updated.header("location"));
        JsonNode renamed = admin.get(PHONES + "/" + id + "?fields=name,mac").json().get("results").get(0);
        assertEquals(JsonAssert.parse("{\"name\":\"George Lower Basement\",\"mac\":\"AA:BB:CC:DD:EE:FF:00:11\"}"),
                renamed);

        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
        assertEquals(404, admin.get(PHONES + "/" + id).status());
    }

    @Test
    public void whenMacSentInAnyForm_thenStoredOnceAndDuplicatesRefused() {
        String id = create(admin, "Desk", "aa-bb-cc-00-00-01", "snom-d7xx", List.of());
        assertEquals("AA:BB:CC:00:00:01", admin.get(PHONES + "/" + id).json().get("results").get(0).get("mac").asText());
        for (String form : List.of("AA:BB:CC:00:00:01", "aabbcc000001", "AABB.CC00.0001", "aa:bb:cc:00:00:01")) {
            Http.Response duplicate = admin.json("POST", PHONES, body("Other", form, "snom-d7xx", List.of()));
            assertEquals(duplicate.toString(), 409, duplicate.status());
            ContainerIT.assertProblem(duplicate, 409);
        }
        String other = create(admin, "Other", "aa-bb-cc-00-00-02", "snom-d7xx", List.of());
        assertEquals(409, admin.json("PUT", PHONES + "/" + other, "{\"mac\":\"aabbcc000001\"}").status());
        assertEquals(200, admin.json("PUT", PHONES + "/" + id, "{\"mac\":\"AA-BB-CC-00-00-01\"}").status());

        String tenant = Logins.tenant(http, adminToken, 8300, 8399);
        Http tenantKey = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"t\",\"tenant\":\"" + tenant + "\"}"));
        assertEquals("unique on the whole system", 409,
                tenantKey.json("POST", PHONES, body("Mine", "AABBCC000001", "snom-d7xx", List.of())).status());

        for (String bad : List.of("AA:BB:CC:00:00", "AA:BB-CC:00:00:03", "00:00:00:00:00:00", "zz:bb:cc:00:00:03")) {
            assertInvalid(admin.json("POST", PHONES, body("Bad", bad, "snom-d7xx", List.of())), "mac");
        }
        assertInvalid(admin.json("POST", PHONES, "{\"name\":\"No mac\",\"model\":\"snom-d7xx\"}"), "mac");
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id + "," + other, null, Map.of()).status());
    }

    @Test
    public void whenLinesAreAnotherTenantsOrTooMany_thenRefusedAndTenantsSeeOnlyTheirs() {
        String tenantA = Logins.tenant(http, adminToken, 8000, 8099);
        String tenantB = Logins.tenant(http, adminToken, 8100, 8199);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        extension(keyA, "8001");
        extension(keyA, "8002");
        extension(keyB, "8101");

        String phone = create(keyA, "Reception", "00:15:65:00:00:01", "grandstream-gxp-grp", List.of("8002", "8001"));
        assertEquals(List.of("8002", "8001"), strings(keyA.get(PHONES + "/" + phone).json().get("results")
                .get(0).get("lines")));
        Http.Response foreign = keyA.json("POST", PHONES, body("Spy", "00:15:65:00:00:02", "grandstream-gxp-grp",
                List.of("8001", "8101")));
        assertInvalid(foreign, "lines");
        assertTrue(foreign.body(), foreign.body().contains("8101"));
        assertInvalid(keyA.json("PUT", PHONES + "/" + phone, "{\"lines\":[\"8101\"]}"), "lines");
        assertInvalid(keyA.json("PUT", PHONES + "/" + phone, "{\"lines\":[\"8999\"]}"), "lines");
        assertInvalid(keyA.json("POST", PHONES, body("Many", "00:15:65:00:00:03", "grandstream-gxp-grp",
                List.of("8001", "8002", "8003", "8004", "8005"))), "lines");
        assertInvalid(keyA.json("POST", PHONES, body("Unknown", "00:15:65:00:00:04", "no-such-model", List.of())),
                "model");

        assertEquals(404, keyB.get(PHONES + "/" + phone).status());
        assertFalse(JsonAssert.texts(keyB.get(PHONES).json().get("results"), "id").contains(phone));
        assertEquals(404, keyB.json("PUT", PHONES + "/" + phone, "{\"name\":\"Mine\"}").status());
        assertEquals(404, keyB.send("DELETE", PHONES + "/" + phone, null, Map.of()).status());

        // A global caller's phone belongs to its lines' tenant.
        String global = create(admin, "Lobby", "00:15:65:00:00:05", "grandstream-gxp-grp", List.of("8101"));
        assertEquals(200, keyB.get(PHONES + "/" + global).status());
        assertEquals(404, keyA.get(PHONES + "/" + global).status());
        assertInvalid(admin.json("POST", PHONES, body("Mixed", "00:15:65:00:00:06", "grandstream-gxp-grp",
                List.of("8001", "8101"))), "lines");
        assertEquals(200, admin.send("DELETE", PHONES + "/" + phone + "," + global, null, Map.of()).status());
    }

    @Test
    public void whenReadOnlyKey_thenNoProvisioningUrlAndNoWrites() {
        String id = create(admin, "Hall", "00:04:f2:00:00:01", "polycom-vvx", List.of());
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));
        JsonNode seen = readOnly.get(PHONES + "/" + id).json().get("results").get(0);
        assertEquals("Hall", seen.get("name").asText());
        assertFalse(seen.toString(), seen.has("provisioning_url"));
        assertFalse(readOnly.get(PHONES + "?fields=*").body().contains("/provisioning/"));
        assertFalse(readOnly.get(PHONES + "/" + id + "?fields=provisioning_url").body().contains("/provisioning/"));
        assertEquals(403, readOnly.json("PUT", PHONES + "/" + id, "{\"name\":\"Hijack\"}").status());
        assertEquals(403, readOnly.json("POST", PHONES, body("New", "00:04:f2:00:00:02", "polycom-vvx", List.of()))
                .status());
        assertEquals(403, readOnly.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
        assertEquals(200, readOnly.get(MODELS).status());
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenPaged_thenPageAndTotal() {
        String a = create(admin, "Page A", "00:0b:82:00:00:01", "yealink-t4x-t5x", List.of());
        String b = create(admin, "Page B", "00:0b:82:00:00:02", "yealink-t4x-t5x", List.of());
        String c = create(admin, "Page C", "00:0b:82:00:00:03", "yealink-t4x-t5x", List.of());
        JsonNode page = admin.get(PHONES + "?search=Page&limit=2&offset=1&order=name&direction=desc").json();
        assertEquals(3, page.get("total").asInt());
        assertEquals(List.of("Page B", "Page A"), JsonAssert.texts(page.get("results"), "name"));
        assertEquals(400, admin.get(PHONES + "?order=provisioning_url").status());
        assertEquals(400, admin.json("PUT", PHONES + "/0", body("Zero", "00:0b:82:00:00:04", "yealink-t4x-t5x",
                List.of())).status());
        assertEquals(400, admin.get(PHONES + "/99999999999999999999").status());
        // Beyond ASCII against the ASCII columns (mac, model): no match, not a 500 (found by HostileInputsIT).
        Http.Response accented = admin.get(PHONES + "?search=" + Logins.encode("Pag\u00e9 \u260e"));
        assertEquals(accented.toString(), 200, accented.status());
        assertEquals(0, accented.json().get("results").size());
        assertEquals(200, admin.send("DELETE", PHONES + "/" + a + "," + b + "," + c, null, Map.of()).status());
    }

    @Test
    public void whenModelsListed_thenBuiltInsWithTheirFileNames() {
        JsonNode models = admin.get(MODELS).json().get("results");
        assertEquals(List.of("grandstream-gxp-grp", "polycom-vvx", "snom-d7xx", "yealink-t4x-t5x"),
                JsonAssert.texts(models, "id"));
        JsonNode polycom = admin.get(MODELS + "/polycom-vvx").json().get("results").get(0);
        assertEquals(List.of("{mac}.cfg", "{mac}-lines.cfg"), strings(polycom.get("files")));
        assertEquals(12, polycom.get("lines").asInt());
        assertEquals(1, admin.get(MODELS + "?search=yealink").json().get("results").size());
        assertEquals(404, admin.get(MODELS + "/no-such-model").status());
        assertEquals(401, http.get(MODELS).status());
    }

    @Test
    public void whenVendorModelBundleDroppedInDeploy_thenModelListedUsableAndGoneWithIt() throws Exception {
        assertEquals(404, admin.get(MODELS + "/" + VENDOR_MODEL).status());
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path dropped = deploy.resolve("phone-model-example.jar");
        Path partial = deploy.resolve("phone-model-example.jar.part");
        Files.copy(testBundle("org.dialplane.testing.phonemodel"), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
        await(VENDOR_MODEL + " is listed", Duration.ofSeconds(5), () -> admin.get(MODELS + "/" + VENDOR_MODEL)
                .status() == 200);
        JsonNode model = admin.get(MODELS + "/" + VENDOR_MODEL).json().get("results").get(0);
        assertEquals("Example Phones", model.get("vendor").asText());
        assertEquals(2, model.get("lines").asInt());
        assertEquals(List.of("example-{mac}.conf"), strings(model.get("files")));
        String id = create(admin, "Vendor desk", "02:00:00:00:00:01", VENDOR_MODEL, List.of());

        Files.delete(dropped);
        await(VENDOR_MODEL + " is gone", Duration.ofSeconds(5), () -> admin.get(MODELS + "/" + VENDOR_MODEL)
                .status() == 404);
        assertFalse(JsonAssert.texts(admin.get(MODELS).json().get("results"), "id").contains(VENDOR_MODEL));
        JsonNode kept = admin.get(PHONES + "/" + id).json().get("results").get(0);
        assertEquals("the phone keeps its model id", VENDOR_MODEL, kept.get("model").asText());
        assertEquals(200, admin.json("PUT", PHONES + "/" + id, "{\"name\":\"Renamed\"}").status());
        assertInvalid(admin.json("PUT", PHONES + "/" + id, "{\"lines\":[]}"), "model");
        assertInvalid(admin.json("POST", PHONES, body("New", "02:00:00:00:00:02", VENDOR_MODEL, List.of())), "model");
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenOpenApiRead_thenPhonesAndModelsDocumentedAndProvisioningNot() {
        JsonNode document = http.get("/pbxapi/openapi.json").json();
        JsonNode paths = document.get("paths");
        for (String path : List.of(PHONES, PHONES + "/{ids}", PHONES + "/{id}", MODELS, MODELS + "/{ids}")) {
            assertTrue(path + " in " + paths.fieldNames(), paths.has(path));
        }
        JsonNode schemas = document.get("components").get("schemas");
        assertEquals(List.of("lines", "mac", "model", "name"), names(schemas.get("PhoneCreate")
                .get("properties")));
        assertEquals(List.of("name", "mac", "model"), strings(schemas.get("PhoneCreate").get("required")));
        assertEquals("password", schemas.get("Phone").get("properties").get("provisioning_url").get("format").asText());
        assertTrue(schemas.has("PhoneModel"));
        assertTrue(paths.has(PHONES + "/{id}/provisioning-secret"));
        paths.fieldNames().forEachRemaining(path -> assertFalse(path, path.startsWith("/provisioning")));
    }

    // ---- helpers, also for ProvisioningIT ----------------------------------------------------------------------

    static Bundle installModelBundle(org.osgi.framework.BundleContext context, String location) throws Exception {
        Bundle bundle;
        try (InputStream jar = Files.newInputStream(testBundle("org.dialplane.testing.phonemodel"))) {
            bundle = context.installBundle(location, jar);
        }
        bundle.start();
        return bundle;
    }

    static String body(String name, String mac, String model, List<String> lines) {
        String joined = lines.isEmpty() ? "" : "\"" + String.join("\",\"", lines) + "\"";
        return "{\"name\":\"" + name + "\",\"mac\":\"" + mac + "\",\"model\":\"" + model + "\",\"lines\":[" + joined
                + "]}";
    }

    /** Creates a phone; its id. */
    static String create(Http client, String name, String mac, String model, List<String> lines) {
        Http.Response created = client.json("POST", PHONES, body(name, mac, model, lines));
        assertEquals(created.toString(), 201, created.status());
        String location = created.header("location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Creates an extension with a known SIP secret: {@code secret-<number>}. */
    static void extension(Http client, String number) {
        Http.Response created = client.json("POST", "/pbxapi/extensions?reload=0", "{\"extension\":\"" + number
                + "\",\"name\":\"Line " + number + "\",\"secret\":\"secret-" + number + "\"}");
        assertEquals(created.toString(), 201, created.status());
    }

    static List<String> strings(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }

    static void assertInvalid(Http.Response response, String field) {
        assertEquals(response.toString(), 422, response.status());
        ContainerIT.assertProblem(response, 422);
        assertTrue(response.body(), JsonAssert.texts(response.json().get("errors"), "field").contains(field));
    }
}
