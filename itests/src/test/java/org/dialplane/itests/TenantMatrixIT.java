package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.itests.OpenApiOperations.Operation;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tenant isolation matrix (issue 17, item 3), from the live OpenAPI document: tenant A gets one object in
 * every collection that has a POST ({@link TenantObjects}); then tenant B's read-write and read-only keys try every
 * operation on A's objects (404 or 403, never A's data), and read-only keys try every write (403, and not one row
 * changes). A new resource bundle is in the matrix as soon as it is in the document.
 */
public class TenantMatrixIT extends DialplaneTestSupport {
    private static FakeAmiServer ami;
    /** Made once per container: both tests act on the same objects of A. */
    private static TenantObjects.Tenant a;
    private static TenantObjects.Tenant b;
    private static List<Operation> operations;
    private static Map<String, String> createFailures;

    /**
     * Findings of this matrix that are known and reported (issue 17), by their beginning: listed in the report file
     * and the README's "Reliability" section, not failing the build until they are fixed. Any other finding fails.
     * None now: the last one (a ring group of B ringing A's extension) is refused by the ring groups' member rule.
     */
    private static final Map<String, String> KNOWN = Map.of();

    private final Path work = Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName())
            .toAbsolutePath();

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("spool", work.resolve("spool").toString(), "etc", work.resolve("etc").toString(),
                "sounds", work.resolve("sounds").toString()));
        return composite(database("TenantMatrixIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void tenantsAndObjects() throws IOException {
        synchronized (TenantMatrixIT.class) {
            if (ami == null) {
                ami = FakeAmiServer.start("dialplane", "s3cret", Integer.parseInt(context.getProperty("dialplane.ami.port")));
            }
            for (String folder : List.of("spool", "etc", "sounds")) {
                Files.createDirectories(work.resolve(folder));
            }
            Http admin = asAdmin();
            await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
            if (a == null) {
                await("every resource is in the document", () -> {
                    JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
                    return paths.has("/pbxapi/voicemail") && paths.has("/pbxapi/calls") && paths.has("/pbxapi/phones");
                });
                operations = OpenApiOperations.of(http.get("/pbxapi/openapi.json").json());
                a = TenantObjects.tenant(admin, 7000);
                b = TenantObjects.tenant(admin, 8000);
                createFailures = TenantObjects.createAll(http, admin, a, operations);
                TenantObjects.createAll(http, admin, b, operations);
            }
        }
    }

    @Test
    public void whenTenantBsKeysMeetEveryObjectOfTenantA_thenNotFoundOrForbiddenAndNeverAData() throws Exception {
        RowDigests before = RowDigests.take(context);
        List<String> findings = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            if (isPublic(operation)) {
                continue;
            }
            for (String key : List.of(b.readWrite, b.readOnly)) {
                String who = key.equals(b.readWrite) ? "B rw" : "B ro";
                Http.Response answer = send(operation, key);
                requests++;
                String where = who + " " + operation + " -> " + answer.status() + " ";
                if (a.global.contains(collection(operation))) {
                    continue; // custom types: global objects every tenant reads by design
                }
                if (!operation.pathParameters().isEmpty()) {
                    if (!refused(operation, answer.status())) {
                        findings.add(where + "(expected 404 or 403) " + HostileProbe.abbreviate(answer.body(), 200));
                    }
                } else if (!key.equals(b.readWrite) && operation.writes() && answer.status() != 403) {
                    findings.add(where + "(a read-only key's write, expected 403)");
                } else if (operation.writes() && answer.status() / 100 == 2 && TenantObjects.refersToObjects(operation)) {
                    findings.add(where + "(B's write referring to A's objects succeeded) " + TenantObjects.body(operation, a));
                }
                String leak = aData(answer);
                if (leak != null) {
                    findings.add(where + "shows A's data: " + leak);
                }
            }
        }
        List<String> changed = before.changedRows(RowDigests.take(context));
        report("b-against-a", requests, findings, changed);
        List<String> unknown = findings.stream().filter(f -> KNOWN.keySet().stream().noneMatch(f::startsWith)).toList();
        assertEquals("B's keys against A's objects:\n" + String.join("\n", unknown), List.of(), unknown);
        assertEquals("rows that existed before B's requests and changed", List.of(), changed);
        assertTrue("A has objects in the matrix: " + a.ids + "; not created: " + createFailures, a.ids.size() >= 5);
    }

    @Test
    public void whenReadOnlyKeysTryEveryWrite_thenForbiddenAndNoRowChanges() throws Exception {
        RowDigests before = RowDigests.take(context);
        List<String> findings = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            if (isPublic(operation) || !operation.writes()) {
                continue;
            }
            for (String key : List.of(a.readOnly, b.readOnly)) {
                Http.Response answer = send(operation, key);
                requests++;
                boolean own = key.equals(a.readOnly);
                boolean refused = answer.status() == 403 || (!own && answer.status() == 404);
                if (!refused) {
                    findings.add((own ? "A ro " : "B ro ") + operation + " -> " + answer.status() + " "
                            + HostileProbe.abbreviate(answer.body(), 200));
                }
            }
        }
        RowDigests after = RowDigests.take(context);
        List<String> changed = before.changedRows(after);
        List<String> added = before.addedRows(after);
        changed.addAll(added);
        report("read-only", requests, findings, changed);
        assertEquals("read-only keys' writes not refused:\n" + String.join("\n", findings), List.of(), findings);
        assertEquals("rows changed or added by read-only keys", List.of(), changed);
    }

    /** The operation's request with A's objects in the path and a body valid for A (its references, its marker). */
    private Http.Response send(Operation operation, String key) {
        String target = operation.fill(a.pathValues(operation)) + (operation.writes() ? "?reload=0" : "");
        String body = operation.takesJson() && operation.body() != null ? TenantObjects.body(operation, a).toString()
                : null;
        if (operation.path().endsWith("/members") && operation.method().equals("PUT")) {
            body = "[\"" + a.id("extensions") + "\"]";
        }
        Map<String, String> headers = body == null ? Logins.bearer(key) : Logins.jsonWithBearer(key);
        if (operation.path().equals("/pbxapi/events")) {
            return new Http.Response(streamStatus(target, key), Map.of(), ""); // a stream: its status is the answer
        }
        return http.send(operation.method(), target, body, headers);
    }

    private int streamStatus(String target, String key) {
        HostileProbe.Answer answer = new HostileProbe(port()).send("matrix", "GET", target, null, key);
        return answer == null ? -1 : answer.status();
    }

    /** Where an answer shows A's objects: its marker, or one of A's numbers (7000-7999) in a successful answer. */
    private static String aData(Http.Response answer) {
        if (answer.body().contains(a.marker)) {
            return "marker " + a.marker + " in " + HostileProbe.abbreviate(answer.body(), 200);
        }
        var number = Pattern.compile("(?<![\\w.-])7\\d{3}(?![\\w])").matcher(answer.body());
        if (answer.status() / 100 == 2 && number.find()) {
            return "A's number " + number.group() + " in " + HostileProbe.abbreviate(answer.body(), 200);
        }
        return null;
    }

    /**
     * What B may answer about A's object: 404 or 403; a 422 for a PUT (it would create in B's own numbers, and its
     * rules refuse the body before any object is looked at); a 400 or 415 for a body that is not JSON (audio), which
     * this matrix does not build.
     */
    private static boolean refused(Operation operation, int status) {
        return status == 404 || status == 403 || (status == 422 && operation.method().equals("PUT"))
                || ((status == 400 || status == 415) && !operation.bodyTypes().isEmpty() && !operation.takesJson());
    }

    private static String collection(Operation operation) {
        String[] segments = operation.path().split("/");
        return segments.length > 2 ? segments[2] : "";
    }

    /** Operations the document says need no authentication: no tenant's data behind them. */
    private static boolean isPublic(Operation operation) {
        return operation.open();
    }

    private static void report(String name, int requests, List<String> findings, List<String> changed)
            throws IOException {
        StringBuilder text = new StringBuilder("TenantMatrixIT " + name + " " + java.time.Instant.now() + "\n")
                .append("global (shared by design): ").append(a.global).append('\n')
                .append(requests).append(" requests over ").append(operations.size()).append(" operations; A's objects ")
                .append(a.ids).append("; not created: ").append(createFailures.keySet()).append("; findings ")
                .append(findings.size()).append("; rows changed ").append(changed.size()).append('\n');
        findings.forEach(f -> text.append("  ").append(f).append(KNOWN.entrySet().stream()
                .filter(k -> f.startsWith(k.getKey())).map(k -> "  [known: " + k.getValue() + "]").findFirst()
                .orElse("")).append('\n'));
        changed.forEach(c -> text.append("  row: ").append(c).append('\n'));
        Path file = HostileProbe.work().resolve("tenant-matrix-" + name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
