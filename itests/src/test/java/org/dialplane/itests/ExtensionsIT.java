package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /pbxapi/extensions}: every example of Issabel's pbxapi README, and what a demanding client expects. */
public class ExtensionsIT extends DialplaneTestSupport {
    private static final Path APPLIED = Path.of(System.getProperty("dialplane.test.work"), "ExtensionsIT-applied.log")
            .toAbsolutePath();

    private Http admin;

    private static final Path ASTERISK_ETC = Path.of(System.getProperty("dialplane.test.work"), "ExtensionsIT-etc")
            .toAbsolutePath();

    @Override
    protected Option options() {
        try {
            Files.createDirectories(ASTERISK_ETC);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        configureAsteriskPaths(Map.of("etc", ASTERISK_ETC.toString()));
        return composite(database(), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/sh -c \"echo applied >> '" + APPLIED + "'\""));
    }

    /** A fresh database of this class's own; {@link ExtensionsOnDumpIT} runs the same tests on the 2018 dump. */
    protected Option database() {
        return database("ExtensionsIT");
    }

    @Before
    public void login() {
        await("the extensions resource answers", () -> http.get("/pbxapi/extensions").status() == 401);
        awaitAsteriskPath("etc", ASTERISK_ETC);
        admin = asAdmin();
    }

    @Test
    public void whenSeedPostSent_thenCreatedAtTheNextFreeNumber() {
        Http.Response created = admin.json("POST", "/pbxapi/extensions?reload=0",
                "{\"name\":\"Some Name\",\"voicemail\":\"novm\",\"ringtimer\":\"30\"}");
        assertEquals(created.toString(), 201, created.status());
        assertEquals("", created.body());
        String location = created.header("location");
        assertTrue(location, location.matches("http://[^/]+/pbxapi/extensions/[0-9]+"));
        String number = location.substring(location.lastIndexOf('/') + 1);

        JsonNode one = admin.get("/pbxapi/extensions/" + number).json().get("results");
        assertEquals(1, one.size());
        JsonNode extension = one.get(0);
        assertEquals(Set.of("dial", "extension", "name", "secret", "tech"), names(extension));
        assertEquals(number, extension.get("extension").asText());
        assertEquals("Some Name", extension.get("name").asText());
        assertEquals("sip", extension.get("tech").asText());
        assertEquals("SIP/" + number, extension.get("dial").asText());
        assertEquals(32, extension.get("secret").asText().length());

        JsonNode all = admin.get("/pbxapi/extensions?fields=*").json().get("results");
        JsonNode full = find(all, number);
        assertEquals("30", full.get("ringtimer").asText());
        assertEquals("novm", full.get("voicemail").asText());
        assertEquals("dontcare", full.get("recording_in_external").asText());
        assertEquals("from-internal", full.get("context").asText());
    }

    @Test
    public void whenSeedPutRepeated_thenCreatesThenUpdatesOnlyWhatIsSent() {
        Http.Response created = admin.json("PUT", "/pbxapi/extensions/1005?reload=0",
                "{\"name\":\"Daniel\",\"secret\":\"unaclave\"}");
        assertEquals(created.toString(), 200, created.status());
        assertTrue(created.header("location"), created.header("location").endsWith("/pbxapi/extensions/1005"));

        Http.Response updated = admin.json("PUT", "/pbxapi/extensions/1005?reload=0", "{\"secret\":\"otraclave\"}");
        assertEquals(200, updated.status());
        assertNull(updated.header("location"));
        JsonNode extension = admin.get("/pbxapi/extensions/1005").json().get("results").get(0);
        assertEquals("Daniel", extension.get("name").asText());
        assertEquals("otraclave", extension.get("secret").asText());

        admin.json("PUT", "/pbxapi/extensions/1005?reload=0", "{\"recording_out_external\":\"always\"}");
        JsonNode full = admin.get("/pbxapi/extensions/1005?fields=name,recording_out_external").json()
                .get("results").get(0);
        assertEquals("always", full.get("recording_out_external").asText());
        assertEquals("Daniel", full.get("name").asText());

        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/1005?reload=0", null, java.util.Map.of()).status());
        assertEquals(404, admin.get("/pbxapi/extensions/1005").status());
    }

    @Test
    public void whenFieldsInvalid_then422NamingEachField() {
        Http.Response response = admin.json("POST", "/pbxapi/extensions?reload=0",
                "{\"voicemail\":\"sometimes\",\"ringtimer\":\"soon\",\"recording_in_internal\":\"maybe\"}");
        assertEquals(422, response.status());
        ContainerIT.assertProblem(response, 422);
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("voicemail", "ringtimer", "recording_in_internal"), fields);

        assertEquals(400, admin.json("PUT", "/pbxapi/extensions/12ab", "{}").status());
        assertEquals(400, admin.json("POST", "/pbxapi/extensions", "{\"name\":").status());
    }

    @Test
    public void whenNumberTaken_then409Conflict() {
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/2100?reload=0", "{}").status());
        Http.Response again = admin.json("POST", "/pbxapi/extensions?reload=0", "{\"extension\":\"2100\"}");
        assertEquals(409, again.status());
        ContainerIT.assertProblem(again, 409);
    }

    @Test
    public void whenFiftyPostsConcurrent_thenFiftyDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = "{\"name\":\"Parallel " + i + "\"}";
                answers.add(pool.submit(() -> admin.json("POST", "/pbxapi/extensions?reload=0", body)));
            }
            Set<String> locations = new HashSet<>();
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                assertEquals(response.toString(), 201, response.status());
                locations.add(response.header("location"));
            }
            assertEquals(50, locations.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void whenMultiDeleteHasOneMissing_then404AndNothingDeleted() {
        admin.json("PUT", "/pbxapi/extensions/3001?reload=0", "{}");
        admin.json("PUT", "/pbxapi/extensions/3002?reload=0", "{}");
        Http.Response missing = admin.send("DELETE", "/pbxapi/extensions/3001,3002,3999?reload=0", null,
                java.util.Map.of());
        assertEquals(404, missing.status());
        assertTrue(missing.body(), missing.json().get("detail").asText().contains("3999"));
        assertEquals(2, admin.get("/pbxapi/extensions/3001,3002").json().get("results").size());

        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/3001,3002?reload=0", null, java.util.Map.of())
                .status());
        assertEquals(404, admin.get("/pbxapi/extensions/3001").status());
    }

    @Test
    public void whenBurstOfWrites_thenAppliedOnce() {
        long before = appliedLines();
        long runsBefore = admin.get("/pbxapi/applychanges").json().get("runs").asLong();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, admin.json("PUT", "/pbxapi/extensions/" + (4000 + i), "{}").status());
        }
        await("the burst applied and nothing is pending", () -> {
            JsonNode status = admin.get("/pbxapi/applychanges").json();
            return status.get("runs").asLong() > runsBefore && !status.get("pending").asBoolean()
                    && !status.get("running").asBoolean();
        });
        assertEquals(runsBefore + 1, admin.get("/pbxapi/applychanges").json().get("runs").asLong());
        assertEquals(before + 1, appliedLines());
    }

    @Test
    public void whenListedWithPagingSearchAndFields_thenThatPageWithThoseFields() {
        for (int i = 0; i < 5; i++) {
            admin.json("PUT", "/pbxapi/extensions/" + (5000 + i) + "?reload=0", "{\"name\":\"Pager " + i + "\"}");
        }
        JsonNode page = admin.get("/pbxapi/extensions?search=Pager&limit=2&offset=1&order=extension&direction=desc")
                .json();
        assertEquals(5, page.get("total").asInt());
        assertEquals(2, page.get("results").size());
        assertEquals("5003", page.get("results").get(0).get("extension").asText());
        assertEquals(400, admin.get("/pbxapi/extensions?fields=nope").status());
        assertEquals(400, admin.get("/pbxapi/extensions?limit=zero").status());
        JsonNode narrow = admin.get("/pbxapi/extensions/5000?fields=name").json().get("results").get(0);
        assertEquals(Set.of("name"), names(narrow));
    }

    @Test
    public void whenVoicemailSetToDefault_thenMailboxWrittenAndNovmRemovesIt() throws IOException {
        Path conf = ASTERISK_ETC.resolve("voicemail.conf");
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/6001?reload=0",
                "{\"name\":\"Mail Box\",\"voicemail\":\"default\"}").status());
        List<String> lines = Files.readAllLines(conf);
        assertTrue(lines.toString(), lines.contains("[default]"));
        assertTrue(lines.toString(), lines.contains("6001 => 6001,Mail Box,,,attach=no|saycid=no|envelope=no|delete=no"));
        assertEquals("default", admin.get("/pbxapi/extensions/6001?fields=voicemail").json().get("results").get(0)
                .get("voicemail").asText());

        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/6001?reload=0", "{\"voicemail\":\"novm\"}").status());
        assertFalse(Files.readString(conf).contains("6001 =>"));
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/6001?reload=0", "{\"voicemail\":\"default\"}").status());
        assertTrue(Files.readString(conf).contains("6001 => 6001,Mail Box,"));
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/6001?reload=0", "{\"name\":\"New Name\"}").status());
        assertTrue(Files.readString(conf).contains("6001 => 6001,New Name,"));
        assertFalse(Files.readString(conf).contains("Mail Box"));
        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/6001?reload=0", null, java.util.Map.of()).status());
        assertFalse(Files.readString(conf).contains("6001 =>"));
    }

    @Test
    public void whenKeyIsTenantOrReadOnly_thenTenantSeesOnlyItsOwnAndReadOnlyCannotWrite() {
        String adminToken = Logins.adminToken(http);
        String tenantA = Logins.tenant(http, adminToken, 7000, 7099);
        String tenantB = Logins.tenant(http, adminToken, 7100, 7199);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));

        Http.Response created = keyA.json("POST", "/pbxapi/extensions?reload=0", "{\"name\":\"Tenant A\"}");
        assertEquals(created.toString(), 201, created.status());
        String number = created.header("location").replaceAll(".*/", "");
        assertEquals("7000", number);
        assertEquals(200, keyA.get("/pbxapi/extensions/" + number).status());
        assertEquals(404, keyB.get("/pbxapi/extensions/" + number).status());
        assertEquals(404, keyB.send("DELETE", "/pbxapi/extensions/" + number + "?reload=0", null, java.util.Map.of())
                .status());
        assertEquals(0, keyB.get("/pbxapi/extensions").json().get("results").size());
        Http.Response otherTenants = keyB.json("PUT", "/pbxapi/extensions/" + number + "?reload=0", "{\"name\":\"B\"}");
        assertEquals(otherTenants.toString(), 404, otherTenants.status()); // not 409: nothing tells B it exists
        assertEquals("Tenant A", keyA.get("/pbxapi/extensions/" + number).json().at("/results/0/name").asText());
        assertEquals(422, keyB.json("PUT", "/pbxapi/extensions/7050?reload=0", "{}").status());

        Http.Response readOnlyView = readOnly.get("/pbxapi/extensions/" + number);
        assertEquals(200, readOnlyView.status());
        assertFalse(readOnlyView.body(), readOnlyView.json().get("results").get(0).has("secret"));
        assertEquals(403, readOnly.json("PUT", "/pbxapi/extensions/" + number + "?reload=0", "{\"name\":\"x\"}").status());
        assertEquals(403, readOnly.send("DELETE", "/pbxapi/extensions/" + number, null, java.util.Map.of()).status());
    }

    @Test
    public void whenNoCredentials_then401AndNothingShown() {
        Http.Response response = http.get("/pbxapi/extensions");
        assertEquals(401, response.status());
        assertFalse(response.body().contains("secret"));
    }

    private static long appliedLines() {
        try {
            return Files.exists(APPLIED) ? Files.readAllLines(APPLIED).size() : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode results, String number) {
        for (JsonNode item : results) {
            if (item.get("extension").asText().equals(number)) {
                return item;
            }
        }
        throw new AssertionError("no extension " + number + " in " + results);
    }
}
