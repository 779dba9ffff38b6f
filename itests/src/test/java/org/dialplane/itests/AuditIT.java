package org.dialplane.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit log: every write through {@code /pbxapi} (whatever its outcome), login attempts and API key creation
 * and revocation land in {@code dp_audit} with who, tenant, address, method, path template, ids and field names,
 * never a value or a credential; {@code GET /pbxapi/audit} filters and pages it for global callers only; the
 * retention purge removes old entries.
 */
public class AuditIT extends DialplaneTestSupport {
    private static final String AUDIT = "/pbxapi/audit";

    @Override
    protected Option options() {
        return composite(database("AuditIT"), Logins.adminPassword());
    }

    @Test
    public void whenTenantCreatedAndDeleted_thenBothAuditedWithTemplateIdsAndFieldNamesButNoValues() {
        String code = "au" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Response created = asAdmin().json("POST", "/pbxapi/tenants",
                "{\"code\":\"" + code + "\",\"name\":\"Secret Name " + code + "\"}");
        assertEquals(created.toString(), 201, created.status());
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(200, asAdmin().send("DELETE", "/pbxapi/tenants/" + id, null, java.util.Map.of()).status());

        JsonNode create = awaitEntry("method=POST&path=/tenants", e -> e.get("object_ids").asText().equals(
                "created=" + id));
        assertEquals("user", create.get("actor_kind").asText());
        assertEquals("admin", create.get("actor").asText());
        assertEquals(201, create.get("status").asInt());
        assertEquals("/tenants", create.get("path").asText());
        assertTrue(create.toString(), create.get("global_caller").asBoolean());
        assertEquals("[\"code\",\"name\"]", create.get("fields").toString());
        assertFalse(create.get("address").asText().isEmpty());
        assertNotNull(create.get("at").asText());
        assertFalse("no value of a field is recorded", create.toString().contains("Secret Name"));

        JsonNode delete = awaitEntry("method=DELETE", e -> e.get("object_ids").asText().equals("id=" + id));
        assertEquals("/tenants/{id}", delete.get("path").asText());
        assertEquals(200, delete.get("status").asInt());
    }

    @Test
    public void whenLoginFails_thenAttemptAuditedWithTheUserButNeverThePassword() {
        String user = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, Logins.login(http, user, "Wrong-Password-xyz").status());

        JsonNode attempt = awaitEntry("user=" + user, e -> true);
        assertEquals("/authenticate", attempt.get("path").asText());
        assertEquals(401, attempt.get("status").asInt());
        assertEquals("user", attempt.get("actor_kind").asText());
        Http.Response all = asAdmin().get(AUDIT + "?limit=1000");
        assertFalse(all.body().contains("Wrong-Password-xyz"));
        assertFalse(all.body().contains(Logins.ADMIN_PASSWORD));
    }

    @Test
    public void whenKeyCreatedUsedReadOnlyAndRevoked_thenEachAuditedByKeyIdWithoutItsSecret() {
        String admin = Logins.adminToken(http);
        String key = Logins.apiKey(http, admin, "{\"name\":\"audited ro\",\"read_only\":true}");
        String keyId = key.split("_")[1];
        String secret = Logins.secretOf(key);

        Http.Response refused = http.send("POST", "/pbxapi/tenants", "{\"code\":\"never\",\"name\":\"x\"}",
                Logins.jsonWithBearer(key));
        assertEquals(403, refused.status());
        assertEquals(200, http.send("DELETE", "/pbxapi/apikeys/" + keyId, null, Logins.bearer(admin)).status());

        awaitEntry("method=POST&path=/apikeys", e -> e.get("object_ids").asText().equals("created=" + keyId));
        JsonNode byKey = awaitEntry("user=" + keyId, e -> e.get("status").asInt() == 403);
        assertEquals("key", byKey.get("actor_kind").asText());
        assertEquals("audited ro", byKey.get("actor_name").asText());
        assertEquals("/tenants", byKey.get("path").asText());
        awaitEntry("method=DELETE&path=/apikeys", e -> e.get("object_ids").asText().equals("id=" + keyId));
        assertFalse(asAdmin().get(AUDIT + "?limit=1000").body().contains(secret));
    }

    @Test
    public void whenUnknownKeyWrites_thenRefusalAuditedAsNone() {
        Http.Response refused = http.send("POST", "/pbxapi/tenants", "{}", Logins.jsonWithBearer("not-a-token"));
        assertEquals(401, refused.status());
        awaitEntry("status=401&path=/tenants", e -> e.get("actor_kind").asText().equals("none"));
    }

    @Test
    public void whenMirtaWriteRefusedOrKeyUnknown_thenAuditedWithoutTheKey() {
        String admin = Logins.adminToken(http);
        String readOnly = Logins.apiKey(http, admin, "{\"name\":\"mirta ro\",\"read_only\":true}");
        Http.Response refused = http.get("/pbx/proxyapi.php?reqtype=DIAL&source=201&dest=202&key=" + readOnly);
        assertEquals(refused.toString(), 403, refused.status());
        Http.Response unknown = http.get("/pbx/proxyapi.php?reqtype=DIAL&key=dpk_0000000000000000_nothing");
        assertEquals(unknown.toString(), 401, unknown.status());

        JsonNode byKey = awaitEntry("path=/pbx/proxyapi.php&status=403", e -> e.get("actor_name").asText()
                .equals("mirta ro"));
        assertEquals("/pbx/proxyapi.php?reqtype=DIAL", byKey.get("path").asText());
        assertEquals("[\"reqtype\",\"source\",\"dest\"]", byKey.get("fields").toString());
        awaitEntry("path=/pbx/proxyapi.php&status=401", e -> e.get("actor_kind").asText().equals("none"));
        assertFalse(asAdmin().get(AUDIT + "?limit=1000").body().contains(readOnly));
    }

    @Test
    public void whenFilteredAndPaged_thenOnlyMatchingEntriesWithTheirTotal() {
        // Two only: five failures from one address lock it out, and every test here comes from 127.0.0.1.
        for (int i = 0; i < 2; i++) {
            assertEquals(401, Logins.login(http, "pager", "bad").status());
        }
        awaitEntry("user=pager", e -> true);
        await("both attempts of pager are written", () -> asAdmin().get(AUDIT + "?user=pager").json()
                .get("total").asInt() == 2);
        JsonNode page = asAdmin().get(AUDIT + "?user=pager&status=4xx&limit=1&offset=1").json();
        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("results").size());
        JsonNode both = asAdmin().get(AUDIT + "?user=pager&limit=2").json();
        assertEquals(0, asAdmin().get(AUDIT + "?user=pager&from=2999-01-01").json().get("total").asInt());
        assertEquals(2, asAdmin().get(AUDIT + "?user=pager&from=2000-01-01&to=2999-01-01T00:00:00Z").json()
                .get("total").asInt());
        assertEquals(0, asAdmin().get(AUDIT + "?user=pager&status=2xx").json().get("total").asInt());
        JsonNode first = both.get("results").get(0);
        JsonNode second = both.get("results").get(1);
        assertTrue("newest first", first.get("at").asText().compareTo(second.get("at").asText()) >= 0);
    }

    @Test
    public void whenFilterMalformed_then400NamingIt() {
        for (String query : new String[] { "status=abc", "from=yesterday", "to=2026-13-45", "method=GET%20X",
                "limit=0", "order=nothing" }) {
            Http.Response response = asAdmin().get(AUDIT + "?" + query);
            assertEquals(query + ": " + response, 400, response.status());
            String name = query.substring(0, query.indexOf('='));
            assertTrue(response.body(), response.json().get("detail").asText().contains(name));
        }
    }

    @Test
    public void whenTenantKeyOrReadOnlyGlobalKeyReadsAudit_thenOnlyGlobalCallers() {
        String admin = Logins.adminToken(http);
        String tenant = Logins.tenant(http, admin, 7100, 7199);
        String tenantKey = Logins.apiKey(http, admin, "{\"name\":\"t\",\"tenant\":\"" + tenant + "\"}");
        String globalReader = Logins.apiKey(http, admin, "{\"name\":\"g\",\"read_only\":true}");

        assertEquals(403, http.send("GET", AUDIT, null, Logins.bearer(tenantKey)).status());
        assertEquals(200, http.send("GET", AUDIT, null, Logins.bearer(globalReader)).status());
    }

    @Test
    public void whenEntriesOlderThanTheRetention_thenPurged() throws SQLException {
        PbxSql.rows(context, "INSERT INTO dp_audit (at, actor_kind, method, path, status) VALUES "
                + "('2001-01-01 00:00:00', 'none', 'POST', '/purge-me', 200)");
        PbxSql.rows(context, "INSERT INTO dp_audit (at, actor_kind, method, path, status) VALUES "
                + "(UTC_TIMESTAMP(), 'none', 'POST', '/keep-me', 200)");
        writeConfig("retention.days = 30\npurge.interval.minutes = 1\n");

        await("the old entry is purged", () -> count("/purge-me") == 0);
        assertEquals(1, count("/keep-me"));
    }

    private int count(String path) {
        try {
            return Integer.parseInt(PbxSql.row(context, "SELECT COUNT(*) AS n FROM dp_audit WHERE path = ?", path)
                    .get("n"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeConfig(String text) {
        Path deploy = Path.of(System.getProperty("dialplane.test.work")).resolve(getClass().getSimpleName())
                .resolve("deploy").toAbsolutePath();
        try {
            Path temporary = Files.writeString(deploy.resolveSibling("org.dialplane.audit.cfg.tmp"), text);
            Files.move(temporary, deploy.resolve("org.dialplane.audit.cfg"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for an entry of the filtered audit log that satisfies the check (entries are written off-thread). */
    private JsonNode awaitEntry(String filter, Predicate<JsonNode> check) {
        JsonNode[] found = new JsonNode[1];
        await("an audit entry for " + filter, () -> {
            Http.Response response = asAdmin().get(AUDIT + "?limit=1000&" + filter);
            assertEquals(response.toString(), 200, response.status());
            for (JsonNode entry : response.json().get("results")) {
                if (check.test(entry)) {
                    found[0] = entry;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
