package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/responsepaths}: definitions (the fixed body, variables with the ids the system gives them),
 * their validation (prompts through the media bundle, destinations that must exist and be the tenant's), the
 * dialplan written to {@code extensions_dialplane.conf}, tenants, read-only keys and the OpenAPI document.
 */
public class ResponsePathsIT extends DialplaneTestSupport {
    static final String PATHS = "/pbxapi/responsepaths";
    private static final Path ETC = Path.of(System.getProperty("dialplane.test.work"), "ResponsePathsIT-etc")
            .toAbsolutePath();
    private static final AtomicInteger TENANT_BASES = new AtomicInteger(30);
    private static final Path DIALPLAN = ETC.resolve("extensions_dialplane.conf");

    private Http admin;

    @Override
    protected Option options() {
        try {
            Files.createDirectories(ETC);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        configureAsteriskPaths(Map.of("etc", ETC.toString()));
        return composite(database("ResponsePathsIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void login() {
        await("the response paths resource answers", () -> http.get(PATHS).status() == 401);
        awaitAsteriskPath("etc", ETC);
        admin = asAdmin();
    }

    @Test
    public void whenPathCreated_thenGetShowsItsVariablesWithIdsAndTheDialplanRunsIt() throws Exception {
        String extension = extension(admin, 21_000, 21_999);
        Http.Response created = admin.json("POST", PATHS, "{\"name\":\"Support line\",\"variables\":["
                + "{\"name\":\"ClientID\",\"max_digits\":8},{\"name\":\"OrderNumber\"}],\"voicefile\":true,"
                + "\"destination\":{\"type\":\"extension\",\"id\":\"" + extension + "\"}}");
        assertEquals(created.toString(), 201, created.status());
        String id = created.header("location").replaceAll(".*/", "");

        JsonNode path = admin.get(PATHS + "/" + id).json().get("results").get(0);
        assertEquals("Support line", path.get("name").asText());
        assertEquals("ClientID", path.get("variables").get(0).get("name").asText());
        assertEquals(8, path.get("variables").get(0).get("max_digits").asInt());
        assertTrue(path.get("variables").get(1).get("max_digits").isNull());
        long clientId = path.get("variables").get(0).get("id").asLong();
        long orderId = path.get("variables").get(1).get("id").asLong();
        assertTrue(clientId > 0 && orderId > clientId);
        assertEquals("extension", path.get("destination").get("type").asText());
        assertEquals("dp-responsepath-" + id, path.get("context").asText());
        assertTrue(path.get("voicefile").asBoolean());

        await("the dialplan has the path's context", () -> dialplan().contains("[dp-responsepath-" + id + "]"));
        String context = context(id);
        assertTrue(context, context.contains("UserEvent(ResponsePath,Path: " + id + ",Step: START,TypeId: 0,"));
        assertTrue(context, context.contains("Read(DP_RP_" + clientId + ",beep,8,,1,10)"));
        assertTrue(context, context.contains("UserEvent(ResponsePath,Path: " + id + ",Step: VARIABLE,TypeId: "
                + orderId + ",Value: ${DP_RP_" + orderId + "})"));
        assertTrue(context, context.contains("/responsepaths/" + id + "/${UNIQUEID}.wav,5,180,k)"));
        assertTrue(context, context.contains("Goto(from-did-direct," + extension + ",1)"));
    }

    @Test
    public void whenVariablesUpdated_thenKeptOnesKeepTheirIdsAndTheDialplanFollows() {
        String extension = extension(admin, 22_000, 22_999);
        String id = create(admin, "{\"name\":\"Orders\",\"variables\":[{\"name\":\"A\"},{\"name\":\"B\"}],"
                + "\"destination\":{\"type\":\"extension\",\"id\":" + extension + "}}");
        JsonNode before = admin.get(PATHS + "/" + id).json().get("results").get(0).get("variables");
        long b = before.get(1).get("id").asLong();

        Http.Response updated = admin.json("PUT", PATHS + "/" + id, "{\"variables\":[{\"id\":" + b
                + ",\"name\":\"B2\",\"max_digits\":4},{\"name\":\"C\"}]}");
        assertEquals(updated.toString(), 200, updated.status());

        JsonNode after = admin.get(PATHS + "/" + id).json().get("results").get(0);
        assertEquals("Orders", after.get("name").asText());
        assertEquals(b, after.get("variables").get(0).get("id").asLong());
        assertEquals("B2", after.get("variables").get(0).get("name").asText());
        assertEquals("C", after.get("variables").get(1).get("name").asText());
        await("the dialplan reads B2 first, then C", () -> context(id).contains("Read(DP_RP_" + b + ",beep,4,,1,10)")
                && !context(id).contains("DP_RP_" + before.get(0).get("id").asLong()));

        Http.Response foreign = admin.json("PUT", PATHS + "/" + id, "{\"variables\":[{\"id\":999999,\"name\":\"X\"}]}");
        assertProblemNames(foreign, 422, "variables[0].id");

        assertEquals(200, admin.send("DELETE", PATHS + "/" + id, null, Map.of()).status());
        assertEquals(404, admin.get(PATHS + "/" + id).status());
        await("the context left the dialplan", () -> !dialplan().contains("[dp-responsepath-" + id + "]"));
    }

    @Test
    public void whenBodyIsWrong_then422NamingEachFieldAndNothingWritten() {
        Http.Response wrong = admin.json("POST", PATHS, "{\"variables\":[{\"name\":\"Status\"},{\"name\":\"x y\"}],"
                + "\"destination\":{\"type\":\"ivr\",\"id\":\"1\"}}");
        assertProblemNames(wrong, 422, "name", "variables[0].name", "variables[1].name", "destination.type");

        Http.Response missing = admin.json("POST", PATHS, "{\"name\":\"x\",\"destination\":{\"type\":\"queue\","
                + "\"id\":\"98765\"}}");
        assertProblemNames(missing, 422, "destination.id");
        assertTrue(missing.body(), missing.body().contains("no queue 98765"));

        Http.Response injected = admin.json("POST", PATHS, "{\"name\":\"x\",\"destination\":{\"type\":\"custom\","
                + "\"id\":\"a,s,1)\\n#include evil\"}}");
        assertProblemNames(injected, 422, "destination.id");

        assertEquals(400, admin.get(PATHS + "/abc").status());
        assertEquals(400, admin.get(PATHS + "/1/runs/last?format=csv").status());
        assertEquals(404, admin.get(PATHS + "/987654").status());
    }

    @Test
    public void whenPromptsGiven_thenTheyMustBeTheTenantsMediaFilesAndStayWhilePlayed() throws Exception {
        String extension = extension(admin, 23_000, 23_999);
        String body = "{\"name\":\"Prompted\",\"prompts\":[%s],\"variables\":[{\"name\":\"ClientID\"}],"
                + "\"destination\":{\"type\":\"extension\",\"id\":\"" + extension + "\"}}";
        Http.Response media = admin.json("POST", "/pbxapi/media", "{\"name\":\"Welcome\"}");
        assertEquals(media.toString(), 201, media.status());
        String prompt = media.header("location").replaceAll(".*/", "");

        assertProblemNames(admin.json("POST", PATHS, String.format(body, prompt + ",987654")), 422, "prompts[1]");
        String id = create(admin, String.format(body, prompt));
        assertEquals(prompt, admin.get(PATHS + "/" + id).json().get("results").get(0).get("prompts").get(0).asText());
        await("the prompt is read with Read()", () -> context(id).contains("Read(DP_RP_"));

        Http.Response inUse = admin.send("DELETE", "/pbxapi/media/" + prompt, null, Map.of());
        assertEquals(inUse.toString(), 409, inUse.status());
        assertTrue(inUse.body(), inUse.body().contains("response path " + id));

        // Without the media bundle prompts cannot be checked: a clear 503, never a path with unchecked prompts.
        org.osgi.framework.Bundle mediaBundle = java.util.Arrays.stream(context.getBundles())
                .filter(b -> "org.dialplane.media".equals(b.getSymbolicName())).findFirst().orElseThrow();
        mediaBundle.stop();
        try {
            Http.Response refused = admin.json("POST", PATHS, String.format(body, prompt));
            assertEquals(refused.toString(), 503, refused.status());
            ContainerIT.assertProblem(refused, 503);
            assertTrue(refused.body(), refused.body().contains("media bundle"));
            assertEquals(201, admin.json("POST", PATHS, String.format(body, "")).status());
        } finally {
            mediaBundle.start();
        }
        await("the media bundle is back and still refuses to delete the prompt", () -> admin.send("DELETE",
                "/pbxapi/media/" + prompt, null, Map.of()).status() == 409);
    }

    @Test
    public void whenTenantsWrite_thenEachSeesOnlyItsOwnAndUsesOnlyItsOwnDestinations() {
        String adminToken = Logins.adminToken(http);
        int base = nextTenantBase();
        String first = Logins.tenant(http, adminToken, base, base + 999);
        String second = Logins.tenant(http, adminToken, base + 1000, base + 1999);
        Http one = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\"" + first + "\"}"));
        Http two = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\"" + second + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"tenant\":\"" + first
                + "\",\"read_only\":true}"));
        String own = extension(one, base, base + 999);
        String body = "{\"name\":\"Mine\",\"destination\":{\"type\":\"extension\",\"id\":\"" + own + "\"}}";

        String id = create(one, body);
        assertProblemNames(two.json("POST", PATHS, body), 422, "destination.id");
        assertEquals(404, two.get(PATHS + "/" + id).status());
        assertEquals(404, two.get(PATHS + "/" + id + "/runs").status());
        assertEquals(404, two.get(PATHS + "/" + id + "/runs/last").status());
        assertEquals(404, two.send("DELETE", PATHS + "/" + id, null, Map.of()).status());
        assertEquals(404, two.json("PUT", PATHS + "/" + id, "{\"name\":\"Theirs\"}").status()); // not 409
        assertEquals(0, two.get(PATHS).json().get("results").size());
        assertEquals(200, admin.get(PATHS + "/" + id).status());

        assertEquals(id, readOnly.get(PATHS + "/" + id).json().get("results").get(0).get("id").asText());
        Http.Response forbidden = readOnly.json("POST", PATHS, body);
        assertEquals(forbidden.toString(), 403, forbidden.status());
        ContainerIT.assertProblem(forbidden, 403);
        assertEquals(403, readOnly.json("PUT", PATHS + "/" + id, "{\"name\":\"x\"}").status());
        assertEquals(403, readOnly.send("DELETE", PATHS + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenDestinationIsATenantsCustomDestination_thenUsableByItOnlyAndTheDialplanGoesThere() {
        String adminToken = Logins.adminToken(http);
        int base = nextTenantBase();
        String first = Logins.tenant(http, adminToken, base, base + 999);
        String second = Logins.tenant(http, adminToken, base + 1000, base + 1999);
        Http one = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\"" + first + "\"}"));
        Http two = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\"" + second + "\"}"));
        Http.Response custom = one.json("POST", "/pbxapi/customdestinations?reload=0",
                "{\"name\":\"Mobile\",\"type\":1,\"param1\":\"3564732920\",\"param2\":\"INCOMINGDID\",\"param3\":\"30\"}");
        assertEquals(custom.toString(), 201, custom.status());
        String customId = custom.header("location").replaceAll(".*/", "");
        String body = "{\"name\":\"To mobile\",\"destination\":{\"type\":\"custom\",\"id\":\"" + customId + "\"}}";

        String id = create(one, body);
        assertProblemNames(two.json("POST", PATHS, body), 422, "destination.id");
        assertProblemNames(one.json("POST", PATHS, body.replace(customId, "999999")), 422, "destination.id");
        await("the path sends its callers to the custom destination's context",
                () -> context(id).contains("Goto(dp-custom-" + customId + ",s,1)"));
    }

    @Test
    public void whenADeletedPathsIdIsTakenByAnotherTenant_thenTheOldRunsStayHidden() throws Exception {
        String adminToken = Logins.adminToken(http);
        int base = nextTenantBase();
        Http one = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\""
                + Logins.tenant(http, adminToken, base, base + 999) + "\"}"));
        Http two = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"rw\",\"tenant\":\""
                + Logins.tenant(http, adminToken, base + 1000, base + 1999) + "\"}"));
        String id = create(one, "{\"name\":\"First\",\"destination\":{\"type\":\"extension\",\"id\":\""
                + extension(one, base, base + 999) + "\"}}");
        try (java.sql.Connection connection = context.getService(context.getServiceReference(
                org.dialplane.core.db.Database.class)).pbx().getConnection();
                java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO dp_responsepath_runs"
                        + " (path_id, tenant_id, uniqueid, started_at) SELECT id, tenant_id, 'old.1', NOW()"
                        + " FROM dp_responsepath_paths WHERE id = ?")) {
            insert.setString(1, id);
            assertEquals(1, insert.executeUpdate());
        }
        assertEquals(1, one.get(PATHS + "/" + id + "/runs").json().get("results").size());
        assertEquals(200, one.send("DELETE", PATHS + "/" + id, null, Map.of()).status());

        Http.Response taken = two.json("PUT", PATHS + "/" + id, "{\"name\":\"Second\",\"destination\":{\"type\":"
                + "\"extension\",\"id\":\"" + extension(two, base + 1000, base + 1999) + "\"}}");
        assertEquals(taken.toString(), 200, taken.status());
        assertEquals(0, two.get(PATHS + "/" + id + "/runs").json().get("results").size());
        assertEquals(404, two.get(PATHS + "/" + id + "/runs/last").status());
    }

    @Test
    public void whenPagedAndSearched_thenTotalCountsTheMatches() {
        String extension = extension(admin, 24_000, 24_999);
        String tag = "Paged" + ThreadLocalRandom.current().nextInt(1_000_000);
        for (int i = 0; i < 3; i++) {
            create(admin, "{\"name\":\"" + tag + " " + i + "\",\"destination\":{\"type\":\"extension\",\"id\":\""
                    + extension + "\"}}");
        }
        JsonNode page = admin.get(PATHS + "?search=" + tag + "&limit=2&fields=id,name").json();
        assertEquals(3, page.get("total").asInt());
        assertEquals(2, page.get("results").size());
        List<String> names = new ArrayList<>();
        page.get("results").get(0).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "name"), names);
    }

    @Test
    public void whenOpenApiRead_thenEveryResponsePathEndpointIsThere() {
        await("the response paths are in the document", () -> http.get("/pbxapi/openapi.json").json().get("paths")
                .has(PATHS));
        JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
        for (String path : List.of(PATHS, PATHS + "/{ids}", PATHS + "/{id}/runs", PATHS + "/{id}/runs/last",
                PATHS + "/{id}/voicefiles/{objectid}")) {
            assertTrue(path + " in " + paths.fieldNames(), paths.has(path));
        }
        assertTrue(paths.get(PATHS).has("post"));
        assertFalse(http.get("/pbxapi/openapi.json").json().get("components").get("schemas")
                .path("ResponsePathCreate").isMissingNode());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A new extension in the range, made by the client (so its tenant owns it); its number. */
    static String extension(Http client, int start, int end) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String number = Integer.toString(ThreadLocalRandom.current().nextInt(start, end));
            Http.Response created = client.json("PUT", "/pbxapi/extensions/" + number + "?reload=0",
                    "{\"name\":\"Agent " + number + "\"}");
            if (created.status() == 200 && created.header("location") != null) {
                return number;
            }
        }
        throw new AssertionError("no free extension between " + start + " and " + end);
    }

    /** Creates a path; its id. */
    /**
     * Two tenants' number ranges (base to base + 1999) no other test of this class uses: tenants' ranges may not
     * overlap, and the class's tests share one database.
     */
    private static int nextTenantBase() {
        return TENANT_BASES.getAndAdd(2) * 1000;
    }

    static String create(Http client, String body) {
        Http.Response created = client.json("POST", PATHS, body);
        assertEquals(created.toString(), 201, created.status());
        return created.header("location").replaceAll(".*/", "");
    }

    static void assertProblemNames(Http.Response response, int status, String... fields) {
        assertEquals(response.toString(), status, response.status());
        ContainerIT.assertProblem(response, status);
        List<String> named = new ArrayList<>();
        response.json().path("errors").forEach(error -> named.add(error.get("field").asText()));
        assertEquals(response.body(), List.of(fields), named);
    }

    private static String dialplan() {
        try {
            return Files.exists(DIALPLAN) ? Files.readString(DIALPLAN) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of one context, up to the next. */
    private static String context(String id) {
        String text = dialplan();
        int start = text.indexOf("[dp-responsepath-" + id + "]");
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n[", start + 1);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
