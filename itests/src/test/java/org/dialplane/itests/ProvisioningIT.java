package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * {@code GET /provisioning/<secret>/<file>}: a phone gets its file, rendered with its lines' SIP credentials,
 * with its secret only; everything else is the same 404; off means 404; too many requests a 429; every access an
 * audit line; a vendor's model serves while its bundle is there.
 */
public class ProvisioningIT extends DialplaneTestSupport {
    private static final String PHONES = PhonesIT.PHONES;
    private static final Map<String, String> ENABLED = Map.of("enabled", "true", "sip.host", "pbx.example.com",
            "sip.port", "5062", "base.url", "https://pbx.example.com:8443/", "rate.limit.requests", "100000",
            "rate.limit.seconds", "60");

    private Http admin;
    private String adminToken;

    @Override
    protected Option options() {
        configureProvisioning(ENABLED);
        return composite(database("ProvisioningIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void login() {
        await("the phones resource answers", () -> http.get(PHONES).status() == 401);
        adminToken = Logins.adminToken(http);
        admin = http.bearer(adminToken);
    }

    @Test
    public void whenPhoneAsksWithItsSecret_thenItsFileWithItsLinesCredentials() {
        PhonesIT.extension(admin, "2201");
        PhonesIT.extension(admin, "2202");
        String id = PhonesIT.create(admin, "Front & <desk>", "00:15:65:12:34:56", "yealink-t4x-t5x",
                List.of("2202", "2201"));
        String url = provisioningUrl(id);
        assertTrue(url, url.matches("https://pbx\\.example\\.com:8443/provisioning/[A-Za-z0-9_-]{32}/"));

        Http.Response file = http.get(path(url) + "001565123456.cfg");
        assertEquals(file.toString(), 200, file.status());
        assertTrue(file.header("content-type"), file.header("content-type").startsWith("text/plain"));
        assertEquals("no-store", file.header("cache-control"));
        String body = file.body();
        assertTrue(body, body.startsWith("#!version:1.0.0.1\n"));
        assertTrue(body, body.contains("account.1.enable = 1\naccount.1.label = 2202\n"));
        assertTrue(body, body.contains("account.1.password = secret-2202\n"));
        assertTrue(body, body.contains("account.2.user_name = 2201\naccount.2.password = secret-2201\n"));
        assertTrue(body, body.contains("account.1.sip_server.1.address = pbx.example.com\n"));
        assertTrue(body, body.contains("account.1.sip_server.1.port = 5062\n"));
        assertTrue(body, body.contains("account.3.enable = 0\n"));
        assertTrue(body, body.contains("static.auto_provision.server.url = " + url + "\n"));
        assertFalse(body, body.contains("{{"));

        // Polycom: both files; XML-escaped values.
        String polycom = PhonesIT.create(admin, "Board & <room>", "00:04:f2:ab:cd:ef", "polycom-vvx", List.of("2201"));
        String polycomPath = path(provisioningUrl(polycom));
        String master = http.get(polycomPath + "0004f2abcdef.cfg").body();
        assertTrue(master, master.contains("CONFIG_FILES=\"0004f2abcdef-lines.cfg\""));
        Http.Response lines = http.get(polycomPath + "0004f2abcdef-lines.cfg");
        assertEquals(200, lines.status());
        assertTrue(lines.header("content-type"), lines.header("content-type").startsWith("application/xml"));
        assertTrue(lines.body(), lines.body().contains("reg.1.auth.password=\"secret-2201\""));
        assertTrue(lines.body(), lines.body().contains("Board &amp; &lt;room&gt;"));
        assertEquals("another phone's secret", 404, http.get(polycomPath + "001565123456.cfg").status());
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id + "," + polycom, null, Map.of()).status());
        assertEquals("a deleted phone gets nothing", 404, http.get(path(url) + "001565123456.cfg").status());
    }

    @Test
    public void whenSecretWrongOrMacUnknown_thenTheSame404() {
        String id = PhonesIT.create(admin, "Snom", "00:04:13:ab:00:01", "snom-d7xx", List.of());
        String secretPath = path(provisioningUrl(id));
        assertEquals(200, http.get(secretPath + "000413AB0001.xml").status());
        String wrongSecret = "/provisioning/" + "A".repeat(32) + "/";

        Http.Response wrong = http.get(wrongSecret + "000413AB0001.xml");
        Http.Response unknown = http.get(secretPath + "000413AB0099.xml");
        Http.Response bothWrong = http.get(wrongSecret + "000413AB0099.xml");
        assertEquals("Snom's {mac} in either case", 200, http.get(secretPath + "000413ab0001.xml").status());
        Http.Response mixedCase = http.get(secretPath + "000413Ab0001.xml");
        Http.Response listing = http.get(secretPath);
        Http.Response root = http.get("/provisioning/");
        Http.Response malformed = http.get("/provisioning/short/000413AB0001.xml");
        for (Http.Response response : List.of(wrong, unknown, bothWrong, mixedCase, listing, root, malformed)) {
            assertEquals(response.toString(), 404, response.status());
            assertEquals(wrong.body(), response.body());
            assertEquals(headers(wrong), headers(response));
        }
        ContainerIT.assertProblem(wrong, 404);
        assertFalse(wrong.body(), wrong.body().contains("000413"));
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenSecretRenewed_thenOnlyTheNewUrlServes() {
        String id = PhonesIT.create(admin, "Renewed", "00:15:65:00:77:01", "yealink-t4x-t5x", List.of());
        String old = path(provisioningUrl(id));
        assertEquals(200, http.get(old + "001565007701.cfg").status());
        Http readOnly = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"ro-renew\",\"read_only\":true}"));
        assertEquals(403, readOnly.send("POST", PHONES + "/" + id + "/provisioning-secret", null, Map.of()).status());
        assertEquals(404, admin.send("POST", PHONES + "/999999/provisioning-secret", null, Map.of()).status());

        Http.Response renewed = admin.send("POST", PHONES + "/" + id + "/provisioning-secret", null, Map.of());
        assertEquals(renewed.toString(), 200, renewed.status());
        String url = renewed.json().get("results").get(0).get("provisioning_url").asText();
        assertEquals(url, provisioningUrl(id));
        assertNotEquals(old, path(url));
        assertEquals(404, http.get(old + "001565007701.cfg").status());
        assertEquals(200, http.get(path(url) + "001565007701.cfg").status());
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenDisabled_thenEveryFileIsTheSame404() {
        String id = PhonesIT.create(admin, "Grandstream", "00:0b:82:00:00:10", "grandstream-gxp-grp", List.of());
        String file = path(provisioningUrl(id)) + "cfg000b82000010.xml";
        assertEquals(200, http.get(file).status());
        Http.Response unknown = http.get("/provisioning/" + "B".repeat(32) + "/cfg000b82000099.xml");

        Map<String, String> disabled = new LinkedHashMap<>(ENABLED);
        disabled.put("enabled", "false");
        configureProvisioning(disabled);
        await("provisioning is off", () -> http.get(file).status() == 404);
        Http.Response off = http.get(file);
        assertEquals(unknown.body(), off.body());
        assertEquals(headers(unknown), headers(off));

        configureProvisioning(ENABLED);
        await("provisioning is on again", () -> http.get(file).status() == 200);
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenAddressAsksTooOften_then429WithRetryAfter() {
        Map<String, String> strict = new LinkedHashMap<>(ENABLED);
        strict.put("rate.limit.requests", "3");
        strict.put("rate.limit.seconds", "30");
        try {
            configureProvisioning(strict);
            await("the rate limit applies", () -> http.get("/provisioning/x/y.cfg").status() == 429);
            Http.Response limited = http.get("/provisioning/" + "C".repeat(32) + "/001565000001.cfg");
            assertEquals(429, limited.status());
            ContainerIT.assertProblem(limited, 429);
            long retryAfter = Long.parseLong(limited.header("retry-after"));
            assertTrue("Retry-After " + retryAfter, retryAfter >= 1 && retryAfter <= 30);
        } finally {
            configureProvisioning(ENABLED);
        }
        await("the rate limit is lifted", () -> http.get("/provisioning/x/y.cfg").status() == 404);
    }

    @Test
    public void whenAnyFileAsked_thenAnAuditLineWithAddressMacFileAndResult() {
        String id = PhonesIT.create(admin, "Audited", "00:15:65:aa:00:01", "yealink-t4x-t5x", List.of());
        String secretPath = path(provisioningUrl(id));
        String secret = secretPath.split("/")[2];
        Captured log = Captured.stderr();
        try {
            assertEquals(200, http.get(secretPath + "001565aa0001.cfg").status());
            assertEquals(404, http.get("/provisioning/" + "D".repeat(32) + "/001565aa0001.cfg").status());
            assertEquals(404, http.get(secretPath + "deeper/001565aa0001.cfg").status());
            assertEquals(404, http.get(secretPath + "001565aa0099.cfg").status());
            await("the audit lines", () -> log.text().contains("mac=00:15:65:AA:00:99"));
        } finally {
            log.close();
        }
        String text = log.text();
        assertTrue(text, text.contains("address=127.0.0.1 mac=00:15:65:AA:00:01 file=001565aa0001.cfg result=served"));
        assertTrue(text, text.contains("address=127.0.0.1 mac=00:15:65:AA:00:01 file=001565aa0001.cfg"
                + " result=wrong-secret"));
        assertTrue(text, text.contains("mac=00:15:65:AA:00:99 file=001565aa0099.cfg result=unknown-mac-or-model"));
        assertTrue(text, text.contains("mac=- file=001565aa0001.cfg result=malformed-path"));
        assertFalse("the secret is never logged", text.contains(secret));
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenVendorModelComesAndGoes_thenItsPhonesAreServedOnlyWhileItIsThere() throws Exception {
        Bundle vendor = PhonesIT.installModelBundle(context, "test:phone-model-provisioning");
        await("the vendor's model is listed", () -> admin.get(PhonesIT.MODELS + "/" + PhonesIT.VENDOR_MODEL)
                .status() == 200);
        PhonesIT.extension(admin, "2301");
        String id = PhonesIT.create(admin, "Vendor", "02:00:00:00:01:01", PhonesIT.VENDOR_MODEL, List.of("2301"));
        String file = path(provisioningUrl(id)) + "example-020000000101.conf";
        Http.Response served = http.get(file);
        assertEquals(served.toString(), 200, served.status());
        assertTrue(served.body(), served.body().contains("line.1.password = secret-2301\n"));
        assertTrue(served.body(), served.body().contains("line.2.enabled = 0\n"));

        vendor.uninstall();
        await("the phone's file is gone with its model", () -> http.get(file).status() == 404);
        vendor = PhonesIT.installModelBundle(context, "test:phone-model-provisioning-again");
        await("the phone's file is back with its model", () -> http.get(file).status() == 200);
        vendor.uninstall();
        assertEquals(200, admin.send("DELETE", PHONES + "/" + id, null, Map.of()).status());
    }

    @Test
    public void whenPhonesOfTwoTenants_thenEachSecretServesOnlyItsPhone() {
        String tenantA = Logins.tenant(http, adminToken, 8400, 8499);
        String tenantB = Logins.tenant(http, adminToken, 8500, 8599);
        Http keyA = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Http keyB = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));
        PhonesIT.extension(keyA, "8401");
        PhonesIT.extension(keyB, "8501");
        String phoneA = PhonesIT.create(keyA, "A", "00:15:65:84:01:00", "yealink-t4x-t5x", List.of("8401"));
        String phoneB = PhonesIT.create(keyB, "B", "00:15:65:85:01:00", "yealink-t4x-t5x", List.of("8501"));
        String pathA = path(provisioningUrl(keyA, phoneA));
        String pathB = path(provisioningUrl(keyB, phoneB));
        assertNotEquals(pathA, pathB);
        assertTrue(http.get(pathA + "001565840100.cfg").body().contains("secret-8401"));
        assertEquals(404, http.get(pathA + "001565850100.cfg").status());
        assertEquals(404, http.get(pathB + "001565840100.cfg").status());
        assertEquals(200, admin.send("DELETE", PHONES + "/" + phoneA + "," + phoneB, null, Map.of()).status());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String provisioningUrl(String id) {
        return provisioningUrl(admin, id);
    }

    private static String provisioningUrl(Http client, String id) {
        return client.get(PHONES + "/" + id + "?fields=provisioning_url").json().get("results").get(0)
                .get("provisioning_url").asText();
    }

    /** The path of a provisioning URL: the tests reach the container on its own port. */
    private static String path(String url) {
        return url.substring(url.indexOf("/provisioning/"));
    }

    /**
     * The headers of an answer but its date and its request id (new for every request, whatever it answers), by
     * lower-case name.
     */
    private static Map<String, List<String>> headers(Http.Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date") && !name.equalsIgnoreCase("x-request-id")) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return headers;
    }

    /** Writes {@code org.dialplane.phones.provisioning} as a product's etc/ file would, into the watched deploy/. */
    private void configureProvisioning(Map<String, String> values) {
        Path deploy = Path.of(System.getProperty("dialplane.test.work")).resolve(getClass().getSimpleName())
                .resolve("deploy").toAbsolutePath();
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        try {
            Files.createDirectories(deploy);
            Path temporary = Files.writeString(deploy.resolveSibling("org.dialplane.phones.provisioning.cfg.tmp"),
                    text);
            Files.move(temporary, deploy.resolve("org.dialplane.phones.provisioning.cfg"),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the container logs (slf4j-simple writes to System.err) while it is open, still passed on. */
    private static final class Captured extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        private Captured(PrintStream original) {
            this.original = original;
        }

        static Captured stderr() {
            Captured captured = new Captured(System.err);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            return captured;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            copy.write(bytes, offset, length);
        }

        synchronized String text() {
            return copy.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }
}
