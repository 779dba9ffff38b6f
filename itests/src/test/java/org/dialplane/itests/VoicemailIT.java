package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.dialplane.core.db.Database;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/voicemail}: mailboxes in a voicemail.conf written as IssabelPBX writes it, the extension's
 * {@code users.voicemail} kept on the mailbox's context, counts from a spool written as app_voicemail writes it,
 * the PIN hidden from read-only keys, tenants. No AMI is configured.
 */
public class VoicemailIT extends DialplaneTestSupport {
    /** Folders of this class's own (and of {@link VoicemailOnDumpIT}'s), inside its fresh home directory. */
    private final Path work = Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName())
            .toAbsolutePath();
    private final Path spool = work.resolve("spool");
    private final Path etc = work.resolve("etc");
    /** IssabelPBX's voicemail.conf: includes, zone messages, a mailbox, a blank line and a comment to keep. */
    static final String ISSABEL_CONF = "[general]\n#include vm_general.inc\n#include vm_email.inc\n\n"
            + "[zonemessages]\neastern=America/New_York|'vm-received' Q 'digits/at' IMp\n\n"
            + "[default]\n\n; kept as it is\n1000 => 1000,First Desk,,,attach=no|saycid=no|envelope=no|delete=no\n";

    private Http admin;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", spool.toString(), "etc", etc.toString()));
        return composite(database(), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    /** A fresh database of this class's own; {@link VoicemailOnDumpIT} runs the same tests on the 2018 dump. */
    protected Option database() {
        return database("VoicemailIT");
    }

    @Before
    public void loginAndFiles() throws IOException {
        await("the voicemail resource answers", () -> http.get("/pbxapi/voicemail").status() == 401);
        admin = asAdmin();
        awaitAsteriskPath("etc", etc);
        awaitAsteriskPath("spool", spool);
        if (!Files.exists(etc.resolve("voicemail.conf"))) {
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("voicemail.conf"), ISSABEL_CONF);
        }
    }

    @Test
    public void whenMailboxCreatedUpdatedDeleted_thenVoicemailConfAndUsersFollowAsIssabelWritesThem() throws Exception {
        extension("2001", "Daniel Smith");
        Http.Response created = admin.json("POST", "/pbxapi/voicemail?reload=0",
                "{\"mailbox\":\"2001\",\"pin\":\"4321\",\"email\":\"daniel@example.com\",\"attach\":\"yes\"}");
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("location"), created.header("location").endsWith("/pbxapi/voicemail/2001"));
        assertTrue(conf(), conf().contains(
                "2001 => 4321,Daniel Smith,daniel@example.com,,attach=yes|saycid=no|envelope=no|delete=no\n"));
        assertTrue("everything else stays: " + conf(), conf().startsWith(ISSABEL_CONF));
        assertEquals("default", usersVoicemail("2001"));

        JsonNode one = admin.get("/pbxapi/voicemail/2001?fields=*").json().get("results").get(0);
        assertEquals("4321", one.get("pin").asText());
        assertEquals("default", one.get("context").asText());
        assertEquals("yes", one.get("attach").asText());
        assertEquals(0, one.get("new").asInt());

        Http.Response updated = admin.json("PUT", "/pbxapi/voicemail/2001?reload=0",
                "{\"name\":\"Dan Smith\",\"saycid\":\"yes\",\"review\":\"yes\"}");
        assertEquals(updated.toString(), 200, updated.status());
        assertNull(updated.header("location"));
        assertTrue(conf(), conf().contains("2001 => 4321,Dan Smith,daniel@example.com,,"
                + "attach=yes|saycid=yes|envelope=no|delete=no|review=yes\n"));

        // Renaming the extension renames its mailbox and keeps the rest.
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/2001?reload=0", "{\"name\":\"Daniel S\"}").status());
        assertTrue(conf(), conf().contains("2001 => 4321,Daniel S,daniel@example.com,,"
                + "attach=yes|saycid=yes|envelope=no|delete=no|review=yes\n"));

        assertEquals(409, admin.json("POST", "/pbxapi/voicemail?reload=0",
                "{\"mailbox\":\"2001\",\"pin\":\"4321\"}").status());
        assertEquals(200, admin.send("DELETE", "/pbxapi/voicemail/2001?reload=0", null, Map.of()).status());
        assertFalse(conf(), conf().contains("2001 =>"));
        assertEquals("novm", usersVoicemail("2001"));
        assertEquals(404, admin.get("/pbxapi/voicemail/2001").status());
    }

    @Test
    public void whenPutAtAnExtensionWithoutMailbox_thenCreatedWithLocationAndPinRequired() throws Exception {
        extension("2002", "Front Desk");
        Http.Response noPin = admin.json("PUT", "/pbxapi/voicemail/2002?reload=0", "{\"email\":\"\"}");
        assertEquals(noPin.toString(), 422, noPin.status());
        assertTrue(noPin.body(), noPin.body().contains("\"pin\""));
        Http.Response put = admin.json("PUT", "/pbxapi/voicemail/2002?reload=0",
                "{\"pin\":\"98765\",\"context\":\"sales\"}");
        assertEquals(put.toString(), 200, put.status());
        assertTrue(put.header("location"), put.header("location").endsWith("/pbxapi/voicemail/2002"));
        assertTrue(conf(), conf().contains("[sales]\n2002 => 98765,Front Desk,,,attach=no|saycid=no|envelope=no|delete=no\n"));
        assertEquals("sales", usersVoicemail("2002"));
    }

    @Test
    public void whenBodyInvalid_then422NamingEveryFieldAndNothingWritten() throws Exception {
        extension("2003", "Bad Values");
        String before = conf();
        Http.Response bad = admin.json("POST", "/pbxapi/voicemail",
                "{\"mailbox\":\"2003\",\"pin\":\"12a\",\"name\":\"A, B\",\"email\":\"x\\n2004 => 1\",\"attach\":\"maybe\","
                        + "\"context\":\"general\"}");
        assertEquals(bad.toString(), 422, bad.status());
        for (String field : new String[] {"pin", "name", "email", "attach", "context"}) {
            assertTrue(field + " named: " + bad.body(), bad.body().contains("\"" + field + "\""));
        }
        Http.Response noExtension = admin.json("POST", "/pbxapi/voicemail",
                "{\"mailbox\":\"2999\",\"pin\":\"1234\"}");
        assertEquals(noExtension.toString(), 422, noExtension.status());
        assertTrue(noExtension.body(), noExtension.body().contains("\"mailbox\""));
        assertEquals(400, admin.json("POST", "/pbxapi/voicemail?reload=maybe",
                "{\"mailbox\":\"2003\",\"pin\":\"1234\"}").status());
        assertEquals(before, conf());
        assertEquals(400, admin.get("/pbxapi/voicemail/20x3").status());
        assertEquals(404, admin.send("DELETE", "/pbxapi/voicemail/1000,2998", null, Map.of()).status());
        assertTrue("a multi-delete with a missing id deletes nothing", conf().contains("1000 => 1000,First Desk"));
    }

    @Test
    public void whenListed_thenCountsFromTheSpoolPagingSearchAndFields() throws Exception {
        // With voicemail, the extensions API rewrites the existing line the same (PIN = number, as IssabelPBX does).
        Http.Response desk = admin.json("PUT", "/pbxapi/extensions/1000?reload=0",
                "{\"name\":\"First Desk\",\"voicemail\":\"default\"}");
        assertEquals(desk.toString(), 200, desk.status());
        Path mailbox = spool.resolve("voicemail/default/1000");
        AppVoicemail.leave(mailbox, "INBOX", "1700000000-00000001", "\"Alice\" <5551000>", 1700000000L, 5,
                Map.of("wav", new byte[] {1}));
        AppVoicemail.leave(mailbox, "INBOX", "1700000001-00000002", "5551001", 1700000001L, 6, Map.of());
        AppVoicemail.leave(mailbox, "Old", "1700000002-00000003", "5551002", 1700000002L, 7, Map.of());
        AppVoicemail.leave(mailbox, "Urgent", "1700000003-00000004", "5551003", 1700000003L, 8, Map.of());

        JsonNode list = admin.get("/pbxapi/voicemail?search=first").json();
        assertEquals(list.toString(), 1, list.get("results").size());
        JsonNode first = list.get("results").get(0);
        assertEquals("1000", first.get("mailbox").asText());
        assertEquals(2, first.get("new").asInt());
        assertEquals(1, first.get("old").asInt());
        assertEquals(1, first.get("urgent").asInt());

        JsonNode page = admin.get("/pbxapi/voicemail?limit=1&order=mailbox&direction=desc&fields=mailbox,name").json();
        assertEquals(1, page.get("results").size());
        assertTrue(page.toString(), page.get("total").asInt() >= 1);
        assertEquals(2, page.get("results").get(0).size());
        assertEquals(400, admin.get("/pbxapi/voicemail?order=pin").status());
        assertEquals(400, admin.get("/pbxapi/voicemail?fields=nosuch").status());
    }

    @Test
    public void whenReadOnlyKey_thenPinHiddenAndWritesForbidden() throws Exception {
        extension("2005", "Read Only");
        assertEquals(201, admin.json("POST", "/pbxapi/voicemail?reload=0",
                "{\"mailbox\":\"2005\",\"pin\":\"5555\"}").status());
        String adminToken = Logins.adminToken(http);
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));
        JsonNode shown = readOnly.get("/pbxapi/voicemail/2005?fields=*").json().get("results").get(0);
        assertFalse(shown.toString(), shown.has("pin"));
        assertFalse(readOnly.get("/pbxapi/voicemail").body().contains("5555"));
        assertEquals(403, readOnly.json("PUT", "/pbxapi/voicemail/2005", "{\"pin\":\"1111\"}").status());
        assertEquals(403, readOnly.send("DELETE", "/pbxapi/voicemail/2005", null, Map.of()).status());
        assertEquals(403, readOnly.json("POST", "/pbxapi/voicemail", "{\"mailbox\":\"2005\",\"pin\":\"1111\"}").status());
        assertTrue(conf().contains("2005 => 5555,"));
    }

    @Test
    public void whenTenantKeys_thenEachSeesOnlyItsExtensionsMailboxes() throws Exception {
        String adminToken = Logins.adminToken(http);
        String tenantA = Logins.tenant(http, adminToken, 7000, 7099);
        String tenantB = Logins.tenant(http, adminToken, 7100, 7199);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        assertEquals(200, keyA.json("PUT", "/pbxapi/extensions/7001?reload=0", "{\"name\":\"Tenant A\"}").status());
        assertEquals(201, keyA.json("POST", "/pbxapi/voicemail?reload=0",
                "{\"mailbox\":\"7001\",\"pin\":\"7001\"}").status());
        assertEquals(200, keyA.get("/pbxapi/voicemail/7001").status());
        assertEquals(404, keyB.get("/pbxapi/voicemail/7001").status());
        assertEquals(404, keyB.send("DELETE", "/pbxapi/voicemail/7001", null, Map.of()).status());
        assertEquals(422, keyB.json("PUT", "/pbxapi/voicemail/7001", "{\"pin\":\"1234\"}").status());
        assertFalse(keyB.get("/pbxapi/voicemail").body().contains("7001"));
        assertFalse("tenant A does not see the default tenant's", keyA.get("/pbxapi/voicemail").body().contains("1000"));
        assertTrue(conf().contains("7001 => 7001,Tenant A,"));
    }

    private void extension(String number, String name) {
        Http.Response response = admin.json("PUT", "/pbxapi/extensions/" + number + "?reload=0",
                "{\"name\":\"" + name + "\"}");
        assertTrue(response.toString(), response.status() == 200);
    }

    private String conf() throws IOException {
        return Files.readString(etc.resolve("voicemail.conf"), StandardCharsets.UTF_8);
    }

    private String usersVoicemail(String extension) throws SQLException {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        try (Connection connection = context.getService(ref).pbx().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT voicemail FROM users WHERE extension = ?")) {
            select.setString(1, extension);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
