package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Extensions as IssabelPBX keeps them, read from the database and from the AMI peer rather than back through the
 * product: after each create, update and delete through {@code /pbxapi/extensions}, the {@code users},
 * {@code devices} and {@code sip} rows (every column, every keyword) and the AstDB keys Asterisk received (DBPut,
 * DBDelTree at the fake AMI) are those IssabelPBX itself writes for the same extension ({@link IssabelPbxExtension},
 * from its source), except the differences {@link IssabelPbxExtension#sipAsDialplaneWritesIt} names and explains.
 * {@link ExtensionRowsOnDumpIT} runs the same on the 2018 dump.
 */
public class ExtensionRowsIT extends DialplaneTestSupport {
    private static FakeAmiServer server;

    private Http admin;

    @Override
    protected Option options() {
        Path etc = Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName() + "-etc")
                .toAbsolutePath();
        try {
            Files.createDirectories(etc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        configureAsteriskPaths(Map.of("etc", etc.toString()));
        return composite(database(), Logins.adminPassword(), AmiIT.fakeAmi(), AmiIT.amiPointingAt(freePort()),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    /** A fresh database of this class's own; {@link ExtensionRowsOnDumpIT} uses the 2018 dump. */
    protected Option database() {
        return database("ExtensionRowsIT");
    }

    @Before
    public void fakeAmiRuns() throws IOException {
        server = AmiPeers.of(this);
        await("the extensions resource answers", () -> http.get("/pbxapi/extensions").status() == 401);
        admin = asAdmin();
        await("AMI is connected", () -> server.loggedInClients() > 0);
    }

    @Test
    public void whenSipExtensionCreated_thenItsRowsAndAstDbKeysAreThoseIssabelPbxWrites() throws SQLException {
        Http.Response created = admin.json("PUT", "/pbxapi/extensions/2401?reload=0",
                "{\"name\":\"Ada Lovelace\",\"secret\":\"Secret-2401\",\"ringtimer\":25}");
        assertEquals(created.toString(), 200, created.status());

        assertEquals(IssabelPbxExtension.users("2401", "Ada Lovelace", "novm", 25), row("users", "extension", "2401"));
        assertEquals(IssabelPbxExtension.devices("2401", "Ada Lovelace"), row("devices", "id", "2401"));
        assertSipRows("2401", IssabelPbxExtension.sipAsDialplaneWritesIt("2401", "Secret-2401"));
        awaitAstDb("2401", IssabelPbxExtension.astDb("2401", "Ada Lovelace", "novm", 25, Map.of()));
    }

    @Test
    public void whenPostedWithNothing_thenIssabelPbxDefaultsAndAStrongSecret() throws SQLException {
        Http.Response created = admin.json("POST", "/pbxapi/extensions?reload=0", "{\"extension\":\"2402\"}");
        assertEquals(created.toString(), 201, created.status());

        // The name IssabelPBX's form requires is Issabel pbxapi's default when not sent.
        assertEquals(IssabelPbxExtension.users("2402", "Extension", "novm", 0), row("users", "extension", "2402"));
        assertEquals(IssabelPbxExtension.devices("2402", "Extension"), row("devices", "id", "2402"));
        String secret = sipRows("2402").get("secret");
        // IssabelPBX's form proposes md5(uniqid()), 32 hex digits of a clock; Dialplane 32 SecureRandom characters.
        assertTrue(secret, secret.matches("[A-Za-z0-9]{32}"));
        assertSipRows("2402", IssabelPbxExtension.sipAsDialplaneWritesIt("2402", secret));
        awaitAstDb("2402", IssabelPbxExtension.astDb("2402", "Extension", "novm", 0, Map.of()));
    }

    /**
     * IssabelPBX edits an extension by deleting and adding it again from the whole form: the rows and keys end as a
     * create with the new values would leave them, the device's mapping and the sip rows not sent unchanged.
     */
    @Test
    public void whenUpdated_thenRowsAndKeysAreThoseOfTheExtensionWithTheNewValues() throws SQLException {
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/2403?reload=0",
                "{\"name\":\"Grace Hopper\",\"secret\":\"Secret-2403\"}").status());
        Http.Response updated = admin.json("PUT", "/pbxapi/extensions/2403?reload=0",
                "{\"name\":\"Grace B. Hopper\",\"ringtimer\":40,\"voicemail\":\"default\","
                        + "\"recording_in_external\":\"always\",\"recording_out_internal\":\"never\"}");
        assertEquals(updated.toString(), 200, updated.status());

        assertEquals(IssabelPbxExtension.users("2403", "Grace B. Hopper", "default", 40),
                row("users", "extension", "2403"));
        assertEquals(IssabelPbxExtension.devices("2403", "Grace B. Hopper"), row("devices", "id", "2403"));
        assertSipRows("2403", IssabelPbxExtension.sipAsDialplaneWritesIt("2403", "Secret-2403"));
        awaitAstDb("2403", IssabelPbxExtension.astDb("2403", "Grace B. Hopper", "default", 40,
                Map.of("recording_in_external", "always", "recording_out_internal", "never")));

        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/2403?reload=0", "{\"secret\":\"Other-2403\"}").status());
        assertSipRows("2403", IssabelPbxExtension.sipAsDialplaneWritesIt("2403", "Other-2403"));
    }

    /**
     * A delete removes what IssabelPBX's delete removes: the three rows, the AMPUSER and DEVICE trees, call waiting
     * and call forwarding ({@code core_users_cleanastdb}), and the extension's rows in the Follow Me, fax and paging
     * modules' tables, leaving a neighbour's alone.
     */
    @Test
    public void whenDeleted_thenEverythingIssabelPbxRemovesIsGone() throws SQLException {
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/2404?reload=0", "{}").status());
        awaitAstDb("2404", IssabelPbxExtension.astDb("2404", "Extension", "novm", 0, Map.of()));
        // What Asterisk's dialplan writes when the user forwards calls (*72, *90, *52).
        Map<String, String> astDb = server.pbx().astDb();
        astDb.put("CF/2404", "5551000");
        astDb.put("CFB/2404", "5551001");
        astDb.put("CFU/2404", "5551002");
        astDb.put("CF/24040", "5551003");
        IssabelModuleTables.create(context);
        IssabelModuleTables.addRowsOf(context, "2404");
        IssabelModuleTables.addRowsOf(context, "24041");

        int deletesBefore = server.actions("DBDelTree").size();
        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/2404?reload=0", null, Map.of()).status());

        assertEquals(List.of(), PbxSql.rows(context, "SELECT extension FROM users WHERE extension = '2404'"));
        assertEquals(List.of(), PbxSql.rows(context, "SELECT id FROM devices WHERE id = '2404'"));
        assertEquals(Map.of(), sipRows("2404"));
        assertEquals(Map.of("findmefollow", 0, "fax_users", 0, "paging_groups", 0),
                IssabelModuleTables.rowsOf(context, "2404"));
        assertEquals("a neighbour's rows stay", Map.of("findmefollow", 1, "fax_users", 1, "paging_groups", 1),
                IssabelModuleTables.rowsOf(context, "24041"));
        await("the extension's AstDB keys removed", () -> astDb.keySet().stream().noneMatch(key -> key.matches(
                "(AMPUSER|DEVICE)/2404/.*|(CW|CF|CFB|CFU)/2404")));
        Set<String> trees = server.actions("DBDelTree").stream().skip(deletesBefore)
                .map(action -> action.get("Family") + "/" + action.get("Key")).collect(Collectors.toSet());
        assertEquals(Set.of("AMPUSER/2404", "DEVICE/2404", "CW/2404", "CF/2404", "CFB/2404", "CFU/2404"), trees);
        assertEquals("another number's forwarding stays", "5551003", astDb.get("CF/24040"));
    }

    /** Every column of the one row of {@code table} whose {@code key} is {@code id}, as text. */
    private Map<String, String> row(String table, String key, String id) throws SQLException {
        // table and key are this class's constants.
        List<Map<String, String>> rows = PbxSql.rows(context, "SELECT * FROM " + table + " WHERE " + key + " = ?", id);
        assertEquals(table + " rows of " + id, 1, rows.size());
        return rows.get(0);
    }

    private Map<String, String> sipRows(String number) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        PbxSql.rows(context, "SELECT keyword, data FROM sip WHERE id = ?", number)
                .forEach(row -> rows.put(row.get("keyword"), row.get("data")));
        return rows;
    }

    /**
     * The sip rows compared as keyword -> data (their order, IssabelPBX's flags, only orders sip_additional.conf),
     * and the flags as core numbers them: 2, 3, ... once each.
     */
    private void assertSipRows(String number, Map<String, String> expected) throws SQLException {
        Map<String, String> sorted = new TreeMap<>(expected);
        Map<String, String> actual = sipRows(number);
        assertEquals(difference(sorted, actual).replace("AstDB keys", "sip keywords"), sorted, actual);
        List<Integer> flags = new ArrayList<>();
        PbxSql.rows(context, "SELECT flags FROM sip WHERE id = ? ORDER BY flags", number)
                .forEach(row -> flags.add(Integer.parseInt(row.get("flags"))));
        List<Integer> numbered = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            numbered.add(i + 2);
        }
        assertEquals(numbered, flags);
    }

    /** The keys of one extension at the AMI peer: AMPUSER/n/..., DEVICE/n/... and CW/n. */
    private static Map<String, String> astDbOf(String number) {
        return server.pbx().astDb().entrySet().stream()
                .filter(e -> e.getKey().startsWith("AMPUSER/" + number + "/")
                        || e.getKey().startsWith("DEVICE/" + number + "/") || e.getKey().equals("CW/" + number))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, TreeMap::new));
    }

    /**
     * Keys are pushed one action at a time after the commit: waits until the peer holds exactly {@code expected},
     * then compares, so a key missing, extra or with another value fails with the difference.
     */
    private static void awaitAstDb(String number, Map<String, String> expected) {
        Map<String, String> sorted = new TreeMap<>(expected);
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!sorted.equals(astDbOf(number)) && System.nanoTime() < end) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Map<String, String> actual = astDbOf(number);
        assertEquals(difference(sorted, actual), sorted, actual);
    }

    /** The keys whose values differ, as "key: expected -> actual" (null when absent), for a readable failure. */
    private static String difference(Map<String, String> expected, Map<String, String> actual) {
        Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        return keys.stream().filter(key -> !java.util.Objects.equals(expected.get(key), actual.get(key)))
                .map(key -> key + ": " + expected.get(key) + " -> " + actual.get(key))
                .collect(Collectors.joining(", ", "AstDB keys differing: ", ""));
    }
}
