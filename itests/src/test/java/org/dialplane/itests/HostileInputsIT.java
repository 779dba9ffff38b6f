package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dialplane.itests.HostileCases.Case;
import org.dialplane.itests.OpenApiOperations.Operation;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile inputs over every operation of the live OpenAPI document (issue 17, item 2): each parameter and body
 * field gets each value of {@link HostileValues}, with valid values everywhere else, sent by tenant A's read-write
 * key (and, for the operations that key may not use, by the admin). Nothing may answer 5xx or time out, no body may
 * show a stack trace, SQL or a file path, and no row that existed before tenant A's objects did (tenant B's, the
 * default tenant's, shared ones) may change. The short run (inside {@code mvn verify}) sends
 * {@code hostile.requests} (default 2,000) cases spread over every operation; {@code -Dhostile.requests=all} sends
 * every case (more than 10,000). Figures go to {@code target/work/hostile-inputs.txt}.
 */
public class HostileInputsIT extends DialplaneTestSupport {
    private static final int SHORT_RUN = 2_000;
    private static FakeAmiServer ami;

    private final Path work = Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName())
            .toAbsolutePath();

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", work.resolve("spool").toString(), "etc", work.resolve("etc").toString(),
                "sounds", work.resolve("sounds").toString()));
        return composite(database("HostileInputsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void amiIsConnected() throws IOException {
        ami = AmiPeers.of(this);
        for (String folder : List.of("spool", "etc", "sounds")) {
            Files.createDirectories(work.resolve(folder));
        }
        Http admin = asAdmin();
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
    }

    @Test
    public void whenEveryOperationGetsTheCatalogue_thenNo5xxNoLeakAndNoOtherTenantsRowChanged() throws Exception {
        Http admin = asAdmin();
        List<Operation> operations = OpenApiOperations.of(document(admin));
        TenantObjects.Tenant victim = TenantObjects.tenant(admin, 8000);
        Map<String, String> victimFailures = TenantObjects.createAll(http, admin, victim, operations);
        assertTrue("the default tenant's extension", admin.json("PUT", "/pbxapi/extensions/300?reload=0",
                "{\"name\":\"Default desk\"}").status() < 300);
        // Before tenant A exists: every row now is someone else's (or shared).
        RowDigests before = RowDigests.take(context);
        TenantObjects.Tenant attacker = TenantObjects.tenant(admin, 7000);
        Map<String, String> attackerFailures = TenantObjects.createAll(http, admin, attacker, operations);

        String budget = System.getProperty("hostile.requests", Integer.toString(SHORT_RUN));
        boolean all = budget.equals("all");
        List<List<Case>> asAttacker = new ArrayList<>();
        List<List<Case>> asAdmin = new ArrayList<>();
        HostileProbe probe = new HostileProbe(port());
        for (Operation operation : operations) {
            // The valid request first: who may use the operation (a tenant key, or only a global caller).
            boolean tenantMay = baseline(probe, operation, attacker);
            (tenantMay ? asAttacker : asAdmin).add(HostileCases.of(operation, attacker));
        }
        int limit = all ? Integer.MAX_VALUE : Integer.parseInt(budget);
        int adminShare = (int) Math.min(limit / 5L, Integer.MAX_VALUE);
        List<Case> adminCases = HostileCases.sample(asAdmin, adminShare, 17);
        List<Case> attackerCases = HostileCases.sample(asAttacker, all ? limit : limit - adminCases.size(), 17);
        String adminToken = Logins.adminToken(http);
        run(probe, attackerCases, attacker.readWrite);
        run(probe, adminCases, adminToken);

        RowDigests after = RowDigests.take(context);
        List<String> changed = before.changedRows(after);
        // The catalogue's CR/LF value tries to smuggle an Originate of Local/666 into whichever AMI action it reaches.
        List<String> smuggled = ami.actions().stream().filter(m -> "Local/666@default".equals(m.get("Channel")))
                .map(Object::toString).toList();
        String summary = probe.summary() + "; operations " + operations.size() + " (" + asAdmin.size()
                + " global-only, sent by the admin); AMI actions " + ami.actions().size() + ", injected " + smuggled.size()
                + "; rows checked " + before.size() + " in " + before.tables()
                + " tables, changed " + changed.size();
        report(summary, probe.findings(), changed, victimFailures, attackerFailures);
        System.out.println("HostileInputsIT: " + summary);

        assertEquals("5xx or no answer, or a leak:\n" + String.join("\n", first(probe.findings(), 40)), List.of(),
                first(probe.findings(), 40));
        assertEquals("rows of others changed by tenant A's hostile requests", List.of(), first(changed, 40));
        assertEquals("AMI actions injected with CR/LF", List.of(), smuggled);
        assertTrue(summary, probe.sent() >= (all ? 10_000 : Math.min(limit, 1_000)));
    }

    /** Sends the operation's valid request as the tenant (a DELETE as its GET twin, so nothing is removed). */
    private boolean baseline(HostileProbe probe, Operation operation, TenantObjects.Tenant tenant) {
        String method = operation.method().equals("DELETE") ? "GET" : operation.method();
        byte[] body = operation.takesJson() && operation.body() != null && !method.equals("GET")
                ? TenantObjects.body(operation, tenant).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : null;
        HostileProbe.Answer answer = probe.send("valid", method, operation.fill(tenant.pathValues(operation))
                + (operation.writes() ? "?reload=0" : ""), body, tenant.readWrite);
        return answer == null || answer.status() != 403;
    }

    /** Sends the cases on a few connections at once, as clients would. */
    private static void run(HostileProbe probe, List<Case> cases, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Case c : cases) {
                pending.add(pool.submit(() -> probe.send(c.label(), c.operation().method(), c.target(), c.body(), key)));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode document(Http admin) {
        await("every resource is in the document", () -> {
            JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
            return paths.has("/pbxapi/voicemail") && paths.has("/pbxapi/calls") && paths.has("/pbxapi/phones");
        });
        return http.get("/pbxapi/openapi.json").json();
    }

    private static void report(String summary, List<String> findings, List<String> changed,
            Map<String, String> victimFailures, Map<String, String> attackerFailures) throws IOException {
        StringBuilder text = new StringBuilder("HostileInputsIT ").append(java.time.Instant.now()).append('\n')
                .append("hostile.requests=").append(System.getProperty("hostile.requests", "2000 (short run)"))
                .append('\n').append(summary).append('\n');
        text.append("\nCollections whose create failed (their objects are not in the valid slots):\n");
        victimFailures.forEach((op, why) -> text.append("  B ").append(op).append(": ").append(why).append('\n'));
        attackerFailures.forEach((op, why) -> text.append("  A ").append(op).append(": ").append(why).append('\n'));
        text.append("\nFindings (5xx, no answer, leaks):\n");
        findings.forEach(f -> text.append("  ").append(f).append('\n'));
        text.append("\nRows of others changed:\n");
        changed.forEach(c -> text.append("  ").append(c).append('\n'));
        Path file = HostileProbe.work().resolve("hostile-inputs.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> first(List<String> lines, int count) {
        return lines.subList(0, Math.min(count, lines.size()));
    }
}
