package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/manager/{action}}, the allow-listed AMI pass-through, against the fake AMI server over TCP:
 * what reaches Asterisk, and above all what never does (Originate with Application=System, Command, forbidden
 * AstDB families, tenants, read-only keys, injected header lines).
 */
public class ManagerIT extends DialplaneTestSupport {
    private static final String MANAGER = "/pbxapi/manager/";
    private static FakeAmiServer server;

    private Http admin;

    @Override
    protected Option options() {
        return composite(database("ManagerIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()));
    }

    @Before
    public void fakeAmiRuns() throws IOException {
        server = AmiPeers.of(this, peer -> {
            peer.pbx().addQueueMember("281", "SIP/402", "Agent 402");
        });
        server.resume();
        await("the manager resource answers", () -> http.json("POST", MANAGER + "reload", "{}").status() == 401);
        admin = asAdmin();
        await("AMI is connected", () -> admin.json("POST", MANAGER + "reload", "{}").status() == 200);
        server.reset();
    }

    @Test
    public void whenOriginateToTheDialplanSent_thenItReachesAsterisk() throws Exception {
        Http.Response sent = admin.json("POST", MANAGER + "originate", "{\"channel\":\"SIP/402\","
                + "\"Context\":\"from-internal\",\"Exten\":\"*43\",\"CallerID\":\"Echo <402>\",\"Async\":true,"
                + "\"Variable\":{\"TEST\":\"1\"}}");

        assertEquals(sent.toString(), 200, sent.status());
        JsonNode result = sent.json().get("results").get(0);
        assertEquals("Success", result.get("Response").asText());
        AmiMessage action = server.awaitAction("Originate", DEADLINE);
        assertEquals("SIP/402", action.get("Channel"));
        assertEquals("from-internal", action.get("Context"));
        assertEquals("*43", action.get("Exten"));
        assertEquals("1", action.get("Priority"));
        assertEquals("true", action.get("Async"));
        assertEquals("TEST=1", action.get("Variable"));
        assertEquals(null, action.get("Application"));
    }

    @Test
    public void whenOriginateHasAnApplication_then403AndNothingIsSent() {
        for (String body : List.of(
                "{\"Channel\":\"Local/1@from-internal\",\"Application\":\"System\",\"Data\":\"touch /tmp/pwned\"}",
                "{\"Channel\":\"SIP/402\",\"Context\":\"from-internal\",\"Exten\":\"1\",\"application\":\"System\"}",
                "{\"Channel\":\"SIP/402\",\"Context\":\"from-internal\",\"Exten\":\"1\",\"DATA\":\"x\"}")) {
            Http.Response refused = admin.json("POST", MANAGER + "Originate", body);
            assertEquals(refused.toString(), 403, refused.status());
            ContainerIT.assertProblem(refused, 403);
            assertTrue(refused.body(), refused.body().contains("Application") || refused.body().contains("Data"));
        }
        // Functions in variable names (FILE() writes files) are refused too.
        assertEquals(422, admin.json("POST", MANAGER + "originate", "{\"Channel\":\"SIP/402\",\"Context\":"
                + "\"from-internal\",\"Exten\":\"1\",\"Variable\":\"FILE(/tmp/x)=y\"}").status());
        assertEquals(422, admin.json("POST", MANAGER + "getvar", "{\"Variable\":\"SHELL(id)\"}").status());
        assertTrue(server.actions("Originate").isEmpty());
        assertTrue(server.actions("Getvar").isEmpty());
    }

    @Test
    public void whenActionIsNotAllowed_then404AndNothingIsSent() {
        for (String name : List.of("Command", "UpdateConfig", "GetConfig", "Login", "DBDelTree", "x")) {
            Http.Response unknown = admin.json("POST", MANAGER + name, "{\"Command\":\"core stop now\"}");
            assertEquals(unknown.toString(), 404, unknown.status());
            ContainerIT.assertProblem(unknown, 404);
            assertTrue(unknown.body(), unknown.body().contains("unknown or not allowed"));
        }
        assertTrue(server.actions("Command").isEmpty());
        assertTrue(server.actions("UpdateConfig").isEmpty());
        assertTrue(server.actions("GetConfig").isEmpty());
    }

    @Test
    public void whenFieldsAreUnknown_then422NamingThem() {
        Http.Response invalid = admin.json("POST", MANAGER + "hangup",
                "{\"Channel\":\"SIP/402-0001\",\"Bogus\":1,\"Other\":\"x\"}");
        assertEquals(invalid.toString(), 422, invalid.status());
        ContainerIT.assertProblem(invalid, 422);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("Bogus", "Other"), fields);
        assertEquals(422, admin.json("POST", MANAGER + "hangup", "{}").status());
        assertTrue(server.actions("Hangup").isEmpty());
    }

    @Test
    public void whenAstDbActionSent_thenLimitedToUserFeatureFamilies() throws Exception {
        Http.Response forbidden = admin.json("POST", MANAGER + "dbput",
                "{\"Family\":\"SIP\",\"Key\":\"Registry/402\",\"Val\":\"x\"}");
        assertEquals(forbidden.toString(), 403, forbidden.status());
        ContainerIT.assertProblem(forbidden, 403);
        assertEquals(403, admin.json("POST", MANAGER + "dbget", "{\"Family\":\"cidname\",\"Key\":\"1\"}").status());
        assertTrue(server.actions("DBPut").isEmpty());
        assertTrue(server.actions("DBGet").isEmpty());

        assertEquals(200, admin.json("POST", MANAGER + "dbput",
                "{\"Family\":\"CW\",\"Key\":\"402\",\"Val\":\"ENABLED\"}").status());
        Http.Response read = admin.json("POST", MANAGER + "dbget", "{\"Family\":\"CW\",\"Key\":\"402\"}");
        assertEquals(read.toString(), 200, read.status());
        JsonNode results = read.json().get("results");
        assertEquals(results.toString(), 2, results.size());
        assertTrue(results.toString(), "DBGetResponse".equalsIgnoreCase(results.get(1).get("Event").asText()));
        assertEquals("ENABLED", results.get(1).get("Val").asText());
    }

    @Test
    public void whenValueHasCrLf_thenNoHeaderLineIsInjected() throws Exception {
        Http.Response sent = admin.json("POST", MANAGER + "dbput", "{\"Family\":\"DND\",\"Key\":\"402\","
                + "\"Val\":\"YES\\r\\nAction: Command\\r\\nCommand: core stop now\"}");

        assertEquals(sent.toString(), 200, sent.status());
        AmiMessage action = server.awaitAction("DBPut", DEADLINE);
        List<String> names = new ArrayList<>();
        action.lines().forEach(line -> names.add(line.getKey().toLowerCase(java.util.Locale.ROOT)));
        names.removeIf(name -> name.equals("actionid"));
        assertEquals(action.toString(), List.of("action", "family", "key", "val"), names);
        assertEquals("YESAction: CommandCommand: core stop now", action.get("Val"));
        assertTrue(server.actions("Command").isEmpty());
    }

    @Test
    public void whenQueuePauseOrUnpauseSent_thenItReachesAsterisk() throws Exception {
        Http.Response paused = admin.json("POST", MANAGER + "queuepause",
                "{\"Interface\":\"SIP/402\",\"Queue\":\"281\",\"Reason\":\"Lunch\"}");
        assertEquals(paused.toString(), 200, paused.status());
        AmiMessage action = server.awaitAction("QueuePause", DEADLINE);
        assertEquals("SIP/402", action.get("Interface"));
        assertEquals("281", action.get("Queue"));
        assertEquals("true", action.get("Paused"));
        assertEquals("Lunch", action.get("Reason"));
        server.reset();

        assertEquals(200, admin.json("POST", MANAGER + "QueueUnpause", "{\"Interface\":\"SIP/402\"}").status());
        assertEquals("false", server.awaitAction("QueuePause", DEADLINE).get("Paused"));
        // A caller may not choose Paused himself: the action name says it.
        assertEquals(422, admin.json("POST", MANAGER + "queuepause",
                "{\"Interface\":\"SIP/402\",\"Paused\":false}").status());
    }

    @Test
    public void whenEachOtherAllowedActionSent_thenItReachesAsteriskAndItsAnswerComesBack() throws Exception {
        server.pbx().addChannel("SIP/402-00000007", "402", "281");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("queueadd", "{\"Queue\":\"281\",\"Interface\":\"SIP/403\",\"Penalty\":2,\"MemberName\":\"Agent 403\"}");
        bodies.put("queueremove", "{\"Queue\":\"281\",\"Interface\":\"SIP/403\"}");
        bodies.put("dbput", "{\"Family\":\"DND\",\"Key\":\"402\",\"Val\":\"YES\"}");
        bodies.put("dbdel", "{\"Family\":\"DND\",\"Key\":\"402\"}");
        bodies.put("reload", "{\"Module\":\"app_queue.so\"}");
        bodies.put("extensionstate", "{\"Exten\":\"402\",\"Context\":\"from-internal\"}");
        bodies.put("getvar", "{\"Channel\":\"SIP/402-00000007\",\"Variable\":\"CDR_ID\"}");
        bodies.put("hangup", "{\"Channel\":\"SIP/402-00000007\",\"Cause\":16}");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Http.Response sent = admin.json("POST", MANAGER + body.getKey(), body.getValue());
            assertEquals(body.getKey() + ": " + sent, 200, sent.status());
            assertTrue(body.getKey() + ": " + sent.body(), sent.json().get("results").size() >= 1);
        }

        AmiMessage added = server.awaitAction("QueueAdd", DEADLINE);
        assertEquals("SIP/403", added.get("Interface"));
        assertEquals("2", added.get("Penalty"));
        assertEquals("Agent 403", added.get("MemberName"));
        assertEquals("281", server.awaitAction("QueueRemove", DEADLINE).get("Queue"));
        assertFalse("DBDel removed the key DBPut wrote", server.pbx().astDb().containsKey("DND/402"));
        assertEquals("app_queue.so", server.awaitAction("Reload", DEADLINE).get("Module"));
        assertEquals("402", server.awaitAction("ExtensionState", DEADLINE).get("Exten"));
        assertEquals("16", server.awaitAction("Hangup", DEADLINE).get("Cause"));
        assertTrue(server.pbx().channels().isEmpty());
        Http.Response variable = admin.json("POST", MANAGER + "getvar", bodies.get("getvar"));
        assertTrue(variable.body(), variable.body().contains("fake-CDR_ID"));
        Http.Response state = admin.json("POST", MANAGER + "extensionstate", bodies.get("extensionstate"));
        assertTrue(state.body(), state.body().contains("Idle"));
    }

    @Test
    public void whenAsteriskAnswersAnError_then502WithItsMessage() {
        Http.Response refused = admin.json("POST", MANAGER + "hangup", "{\"Channel\":\"SIP/999-0001\"}");
        assertEquals(refused.toString(), 502, refused.status());
        ContainerIT.assertProblem(refused, 502);
        assertTrue(refused.body(), refused.body().contains("No such channel"));
    }

    @Test
    public void whenCallerIsATenantOrReadOnlyKey_then403AndNothingIsSent() {
        String token = Logins.adminToken(http);
        String tenant = Logins.tenant(http, token, 76000, 76099);
        Http tenantKey = http.bearer(Logins.apiKey(http, token,
                "{\"name\":\"manager-tenant\",\"tenant\":\"" + tenant + "\"}"));
        Http readOnly = http.bearer(Logins.apiKey(http, token, "{\"name\":\"manager-ro\",\"read_only\":true}"));
        String body = "{\"Channel\":\"SIP/402\",\"Context\":\"from-internal\",\"Exten\":\"*43\"}";

        for (Http caller : List.of(tenantKey, readOnly)) {
            Http.Response refused = caller.json("POST", MANAGER + "originate", body);
            assertEquals(refused.toString(), 403, refused.status());
            ContainerIT.assertProblem(refused, 403);
            assertEquals(403, caller.json("POST", MANAGER + "queuepause", "{\"Interface\":\"SIP/402\"}").status());
        }
        assertTrue(server.actions("Originate").isEmpty());
        assertTrue(server.actions("QueuePause").isEmpty());
        assertEquals(401, http.json("POST", MANAGER + "originate", body).status());
    }

    @Test
    public void whenAmiIsDown_then503AtOnce() throws Exception {
        server.suspend();
        try {
            await("AMI is down", () -> admin.json("POST", MANAGER + "reload", "{}").status() == 503);
            long start = System.nanoTime();
            Http.Response down = admin.json("POST", MANAGER + "reload", "{\"Module\":\"app_queue.so\"}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(down.toString(), 503, down.status());
            assertNotNull(down.header("Retry-After"));
            assertTrue("answered in " + millis + " ms", millis < 1000);
        } finally {
            server.resume();
        }
        await("AMI is back", () -> admin.json("POST", MANAGER + "reload", "{}").status() == 200);
        assertEquals(403, admin.json("POST", MANAGER + "reload", "{\"Module\":\"res_config_mysql.so\"}").status());
    }
}
