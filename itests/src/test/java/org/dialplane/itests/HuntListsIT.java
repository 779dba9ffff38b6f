package org.dialplane.itests;

import static org.dialplane.itests.CustomDestinationsIT.BOSS_PHONE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;


/**
 * {@code /pbxapi/ringgroups/{n}/members}: MiRTA's HUNTLIST getextensions and setextensions examples, the
 * {@code grplist} IssabelPBX reads, entries checked against the ring group's tenant, and hunt lists without the
 * custom destinations bundle.
 */
public class HuntListsIT extends DialplaneTestSupport {
    /** MiRTA's setextensions example; CUSTOM-67 is replaced by the id the Boss phone gets here. */
    private static final List<String> SEED = List.of("EXT-1701", "EXT-1703", "EXT-1705", "CUSTOM-67");

    private Http admin;

    @Override
    protected Option options() {
        // Custom destinations write their dialplan there: a folder of this class's own, never the machine's.
        Path etc = Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName() + "-etc").toAbsolutePath();
        try {
            Files.createDirectories(etc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configureAsteriskPaths(Map.of("etc", etc.toString()));
        return composite(database(), Logins.adminPassword(), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    /** A fresh database of this class's own; {@link HuntListsOnDumpIT} runs the same on the 2018 dump. */
    protected Option database() {
        return database("HuntListsIT");
    }

    @Before
    public void login() {
        await("the hunt list resource answers", () -> http.get("/pbxapi/ringgroups/6700/members").status() == 401);
        admin = asAdmin();
        for (String extension : List.of("1701", "1703", "1705")) {
            assertEquals(200, admin.json("PUT", "/pbxapi/extensions/" + extension + "?reload=0", "{}").status());
        }
    }

    @Test
    public void whenMirtaExampleSet_thenGrplistAsIssabelPbxStoresItAndReadBackTagged() throws Exception {
        String boss = create(admin, BOSS_PHONE);
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6700?reload=0", "{\"extension_list\":[\"1701\"]}").status());
        List<String> entries = seed(boss);

        Http.Response set = admin.json("PUT", "/pbxapi/ringgroups/6700/members", CustomDestinationsIT.json(entries));
        assertEquals(set.toString(), 200, set.status());
        assertEquals("", set.body());
        assertEquals(Map.of("grplist", "1701-1703-1705-3564732920#"),
                PbxSql.row(context, "SELECT grplist FROM ringgroups WHERE grpnum = ?", "6700"));
        Http.Response got = admin.get("/pbxapi/ringgroups/6700/members");
        assertEquals(200, got.status());
        assertEquals(JsonAssert.parse("{\"results\":" + CustomDestinationsIT.json(entries) + "}"), got.json());
        assertEquals(JsonAssert.parse("[\"1701\",\"1703\",\"1705\",\"3564732920#\"]"),
                admin.get("/pbxapi/ringgroups/6700").json().get("results").get(0).get("extension_list"));

        // The destination is in use by the hunt list: not deleted, its number not changed.
        Http.Response refused = admin.send("DELETE", "/pbxapi/customdestinations/" + boss, null, Map.of());
        ContainerIT.assertProblem(refused, 409);
        assertTrue(refused.body(), refused.json().get("detail").asText().contains("ring group 6700 (hunt list)"));
        ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/customdestinations/" + boss, "{\"param1\":\"5550000\"}"), 409);
        assertEquals(200, admin.json("PUT", "/pbxapi/customdestinations/" + boss, "{\"param3\":\"45\"}").status());

        // A number IssabelPBX's own GUI put there reads back as stored.
        PbxSql.rows(context, "UPDATE ringgroups SET grplist = '1701-5551234#' WHERE grpnum = '6700'");
        assertEquals(JsonAssert.parse("{\"results\":[\"EXT-1701\",\"5551234#\"]}"),
                admin.get("/pbxapi/ringgroups/6700/members").json());

        assertEquals(200, admin.send("DELETE", "/pbxapi/ringgroups/6700?reload=0", null, Map.of()).status());
        assertEquals(200, admin.send("DELETE", "/pbxapi/customdestinations/" + boss, null, Map.of()).status());
    }

    @Test
    public void whenEntriesUnknownForeignOrNotExternalNumbers_then422NamingEachAndNothingChanged() throws Exception {
        String did = create(admin, "{\"name\":\"Sales DID\",\"type\":2,\"param1\":\"390212345\"}");
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6710?reload=0", "{\"extension_list\":[\"1701\"]}").status());
        Http.Response refused = admin.json("PUT", "/pbxapi/ringgroups/6710/members", CustomDestinationsIT.json(
                Arrays.asList("EXT-1703", "EXT-1799", "CUSTOM-" + did, "CUSTOM-999999", "SIP/1701", 1705, "EXT-1703")));
        ContainerIT.assertProblem(refused, 422);
        String errors = refused.json().get("errors").toString();
        for (String named : List.of("EXT-1799", "CUSTOM-" + did, "not of an external number type", "CUSTOM-999999",
                "SIP/1701", "1705", "EXT-1703: given twice")) {
            assertTrue(named + " in " + errors, errors.contains(named));
        }
        assertEquals(List.of("members"), JsonAssert.texts(refused.json().get("errors"), "field").stream().distinct().toList());
        assertEquals("1701", PbxSql.row(context, "SELECT grplist FROM ringgroups WHERE grpnum = ?", "6710").get("grplist"));

        assertEquals(422, admin.json("PUT", "/pbxapi/ringgroups/6710/members", "[]").status());
        // An object is not the array MiRTA sends: Jackson cannot bind it, a 400 as for any body of the wrong shape.
        ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/ringgroups/6710/members", "{\"members\":[\"EXT-1701\"]}"),
                400);
        assertEquals(400, admin.json("PUT", "/pbxapi/ringgroups/6710/members", "[\"EXT-1701\"").status());
        assertEquals(415, admin.send("PUT", "/pbxapi/ringgroups/6710/members", "EXT-1701",
                Map.of("Content-Type", "text/plain")).status());
        ContainerIT.assertProblem(admin.get("/pbxapi/ringgroups/6799/members"), 404);
        ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/ringgroups/6799/members", "[\"EXT-1701\"]"), 404);
        assertEquals(400, admin.get("/pbxapi/ringgroups/67x/members").status());

        assertEquals(200, admin.send("DELETE", "/pbxapi/ringgroups/6710?reload=0", null, Map.of()).status());
        assertEquals(200, admin.send("DELETE", "/pbxapi/customdestinations/" + did, null, Map.of()).status());
    }

    @Test
    public void whenKeyIsTenantOrReadOnly_thenOnlyTheRingGroupsTenantsEntries() {
        String adminToken = Logins.adminToken(http);
        String tenantA = Logins.tenant(http, adminToken, 8400, 8499);
        String tenantB = Logins.tenant(http, adminToken, 8500, 8599);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));
        assertEquals(200, keyA.json("PUT", "/pbxapi/extensions/8401?reload=0", "{}").status());
        assertEquals(200, keyB.json("PUT", "/pbxapi/extensions/8501?reload=0", "{}").status());
        String customA = create(keyA, BOSS_PHONE);
        String customB = create(keyB, BOSS_PHONE.replace("3564732920", "3564732921"));
        assertEquals(200, keyA.json("PUT", "/pbxapi/ringgroups/8450?reload=0", "{\"extension_list\":[\"8401\"]}").status());

        assertEquals(200, keyA.json("PUT", "/pbxapi/ringgroups/8450/members?reload=0",
                "[\"EXT-8401\",\"CUSTOM-" + customA + "\"]").status());
        Http.Response foreign = keyA.json("PUT", "/pbxapi/ringgroups/8450/members?reload=0",
                "[\"EXT-8501\",\"CUSTOM-" + customB + "\",\"EXT-1701\"]");
        ContainerIT.assertProblem(foreign, 422);
        assertEquals(3, foreign.json().get("errors").size());
        // The global admin writes the tenant's hunt list with the tenant's entries only, too.
        ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/ringgroups/8450/members?reload=0", "[\"EXT-8501\"]"), 422);
        assertEquals(JsonAssert.parse("[\"EXT-8401\",\"CUSTOM-" + customA + "\"]"),
                admin.get("/pbxapi/ringgroups/8450/members").json().get("results"));

        ContainerIT.assertProblem(keyB.get("/pbxapi/ringgroups/8450/members"), 404);
        ContainerIT.assertProblem(keyB.json("PUT", "/pbxapi/ringgroups/8450/members", "[\"EXT-8501\"]"), 404);
        assertEquals(200, readOnly.get("/pbxapi/ringgroups/8450/members").status());
        ContainerIT.assertProblem(readOnly.json("PUT", "/pbxapi/ringgroups/8450/members", "[\"EXT-8401\"]"), 403);

        assertEquals(200, keyA.send("DELETE", "/pbxapi/ringgroups/8450?reload=0", null, Map.of()).status());
        assertEquals(200, keyA.send("DELETE", "/pbxapi/customdestinations/" + customA, null, Map.of()).status());
        assertEquals(200, keyB.send("DELETE", "/pbxapi/customdestinations/" + customB, null, Map.of()).status());
    }

    @Test
    public void whenCustomDestinationsBundleStops_thenCustomEntriesAre503AndExtensionsStillWork() throws Exception {
        String boss = create(admin, BOSS_PHONE.replace("3564732920", "3564732922"));
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6720?reload=0", "{\"extension_list\":[\"1701\"]}").status());
        Bundle customs = bundle("org.dialplane.customdestinations");
        customs.stop();
        try {
            await("custom destinations are gone", () -> admin.get("/pbxapi/customdestinations").status() == 404);
            assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6720/members?reload=0", "[\"EXT-1703\"]").status());
            assertEquals(JsonAssert.parse("[\"EXT-1703\"]"),
                    admin.get("/pbxapi/ringgroups/6720/members").json().get("results"));
            Http.Response unavailable = admin.json("PUT", "/pbxapi/ringgroups/6720/members?reload=0",
                    "[\"EXT-1703\",\"CUSTOM-" + boss + "\"]");
            ContainerIT.assertProblem(unavailable, 503);
            assertTrue(unavailable.toString(), unavailable.header("retry-after") != null);
        } finally {
            customs.start();
        }
        await("custom entries are accepted again", () -> admin.json("PUT", "/pbxapi/ringgroups/6720/members?reload=0",
                "[\"EXT-1703\",\"CUSTOM-" + boss + "\"]").status() == 200);
        assertEquals("1703-3564732922#", PbxSql.row(context, "SELECT grplist FROM ringgroups WHERE grpnum = ?", "6720")
                .get("grplist"));
        customs.stop();
        try {
            await("custom destinations are gone", () -> admin.get("/pbxapi/customdestinations").status() == 404);
            ContainerIT.assertProblem(admin.get("/pbxapi/ringgroups/6720/members"), 503);
            assertEquals(200, admin.get("/pbxapi/ringgroups/6720").status());
        } finally {
            customs.start();
        }
        await("custom destinations are back", () -> admin.get("/pbxapi/customdestinations").status() == 200);
        assertEquals(200, admin.send("DELETE", "/pbxapi/ringgroups/6720?reload=0", null, Map.of()).status());
        assertEquals(200, admin.send("DELETE", "/pbxapi/customdestinations/" + boss, null, Map.of()).status());
    }

    @Test
    public void whenCustomDestinationsBundleUninstalled_thenRingGroupsResolveWithoutItsPackage() throws Exception {
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/6730?reload=0", "{\"extension_list\":[\"1701\"]}").status());
        Bundle customs = bundle("org.dialplane.customdestinations");
        Bundle ringGroups = bundle("org.dialplane.ringgroups");
        String location = customs.getLocation();
        customs.uninstall();
        refresh(null); // drops the removed exporter and refreshes the ring groups wired to it
        try {
            await("ring groups are back without custom destinations", () -> ringGroups.getState() == Bundle.ACTIVE
                    && admin.json("PUT", "/pbxapi/ringgroups/6730/members?reload=0", "[\"EXT-1705\"]").status() == 200);
            assertFalse(wiredToCustomDestinations(ringGroups));
            ContainerIT.assertProblem(admin.json("PUT", "/pbxapi/ringgroups/6730/members?reload=0", "[\"CUSTOM-1\"]"), 503);
            assertEquals(JsonAssert.parse("[\"EXT-1705\"]"), admin.get("/pbxapi/ringgroups/6730/members").json().get("results"));
        } finally {
            context.installBundle(location).start();
            refresh(List.of(ringGroups)); // the optional import is wired at the next resolve
        }
        await("ring groups use custom destinations again", () -> wiredToCustomDestinations(ringGroups)
                && admin.json("PUT", "/pbxapi/ringgroups/6730/members?reload=0", "[\"CUSTOM-999999\"]").status() == 422);
        assertEquals(200, admin.send("DELETE", "/pbxapi/ringgroups/6730?reload=0", null, Map.of()).status());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Refreshes the bundles (null: those whose exporters were removed) and waits until the framework is done. */
    private void refresh(List<Bundle> bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> done.countDown());
        assertTrue("the refresh ends", done.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    }

    private static boolean wiredToCustomDestinations(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring != null && wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE).stream().anyMatch(w ->
                "org.dialplane.customdestinations.api".equals(w.getCapability().getAttributes()
                        .get(BundleRevision.PACKAGE_NAMESPACE)));
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
    }


    /** MiRTA's example entries with the Boss phone's id in place of 67. */
    private static List<String> seed(String boss) {
        return SEED.stream().map(e -> e.equals("CUSTOM-67") ? "CUSTOM-" + boss : e).toList();
    }

    /** Creates a custom destination; its id. */
    private static String create(Http client, String body) {
        Http.Response created = client.json("POST", "/pbxapi/customdestinations?reload=0", body);
        assertEquals(created.toString(), 201, created.status());
        return created.header("location").replaceAll(".*/", "");
    }
}
