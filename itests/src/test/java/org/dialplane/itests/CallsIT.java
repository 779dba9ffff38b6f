package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /pbxapi/calls} against the fake AMI server over TCP: MiRTA's DIAL (originate, its outcome, variables
 * with the tenant prefix), COUNTCALLS, live channels, hangup, tenants kept to their own, and fast 503s while
 * Asterisk is down. Only HTTP and the fake here: core's types stay out of this class (see {@link AmiChecks}).
 */
public class CallsIT extends DialplaneTestSupport {
    private static final String CALLS = "/pbxapi/calls";
    private static final String SOURCE = "402";
    /** Started inside the container on first use, on the port core was given; core retries until then. */
    private static FakeAmiServer server;

    private Http admin;

    @Override
    protected Option options() {
        return composite(database("CallsIT"), Logins.adminPassword(), AmiIT.fakeAmi(), AmiIT.amiPointingAt(freePort()));
    }

    @Before
    public void fakeAmiRunsAndTheSourceExtensionExists() throws IOException {
        server = AmiPeers.of(this);
        server.resume();
        server.reset();
        await("the calls resource answers", () -> http.get(CALLS + "/count").status() == 401);
        admin = asAdmin();
        await("AMI is connected", () -> admin.get(CALLS + "/count").status() == 200);
        Http.Response extension = admin.json("PUT", "/pbxapi/extensions/" + SOURCE + "?reload=0",
                "{\"name\":\"Caller\"}");
        assertTrue(extension.toString(), extension.status() < 300);
    }

    @Test
    public void whenOriginateSent_thenAcceptedThenAnswered() throws Exception {
        Http.Response accepted = admin.json("POST", CALLS,
                "{\"source\":\"402\",\"dest\":\"9922323232\",\"account\":\"402-DEVEL\",\"timeout\":20}");

        assertEquals(accepted.toString(), 202, accepted.status());
        String id = accepted.json().get("id").asText();
        assertTrue(accepted.header("Location"), accepted.header("Location").endsWith(CALLS + "/" + id));
        AmiMessage originate = server.awaitAction("Originate", DEADLINE);
        assertEquals("SIP/402", originate.get("Channel"));
        assertEquals("from-internal", originate.get("Context"));
        assertEquals("9922323232", originate.get("Exten"));
        assertEquals("1", originate.get("Priority"));
        assertEquals("true", originate.get("Async"));
        assertEquals("20000", originate.get("Timeout"));
        assertEquals("402-DEVEL", originate.get("Account"));
        assertEquals("<402>", originate.get("CallerID"));
        assertEquals(id, originate.get("ChannelId"));
        assertEquals(originate.toString(), 1, originate.getAll("ActionID").size());
        assertTrue(originate.get("ActionID"), originate.get("ActionID").endsWith(id));

        JsonNode call = awaitStatus(admin, id, "answered");
        assertEquals(SOURCE, call.get("source").asText());
        assertEquals("9922323232", call.get("dest").asText());
        assertEquals("4", call.get("reason").asText());
        assertFalse(call.get("answered").isNull());
    }

    @Test
    public void whenVariablesSent_thenTheyReachTheDialplanWithTheTenantPrefix() throws Exception {
        Http.Response accepted = admin.json("POST", CALLS,
                "{\"source\":\"402\",\"dest\":\"9922323232\",\"variables\":{\"callid\":\"453131\",\"n\":7}}");

        assertEquals(accepted.toString(), 202, accepted.status());
        List<String> variables = server.awaitAction("Originate", DEADLINE).getAll("Variable");
        assertEquals(List.of("default-callid=453131,default-n=7"), variables);
    }

    @Test
    public void whenOriginateFails_thenTheOutcomeSaysWhy() throws Exception {
        assertEquals("busy", outcomeWhenAsteriskReports("Failure", 5));
        assertEquals("no answer", outcomeWhenAsteriskReports("Failure", 3));
        assertEquals("failed", outcomeWhenAsteriskReports("Failure", 0));
    }

    @Test
    public void whenAsteriskRefusesTheOriginate_then502AndForgotten() {
        server.fail("Originate", "Originate failed");
        Http.Response refused = admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}");
        assertEquals(refused.toString(), 502, refused.status());
        ContainerIT.assertProblem(refused, 502);
        assertTrue(refused.body(), refused.body().contains("Originate failed"));
    }

    @Test
    public void whenSourceExtensionIsUnknown_then404() {
        Http.Response missing = admin.json("POST", CALLS, "{\"source\":\"9999\",\"dest\":\"100\"}");
        assertEquals(missing.toString(), 404, missing.status());
        ContainerIT.assertProblem(missing, 404);
        assertTrue(server.actions("Originate").isEmpty());
        assertEquals(404, admin.get(CALLS + "/" + "0123456789abcdef").status());
    }

    @Test
    public void whenRequestIsInvalid_then422NamingEveryField() {
        Http.Response invalid = admin.json("POST", CALLS, "{\"source\":\"40a\",\"dest\":\"100;Dial(x)\","
                + "\"timeout\":301,\"account\":\"a b\",\"callerid\":\"x\\r\\ny\","
                + "\"variables\":{\"bad name\":\"1\",\"ok\":\"a,AMPUSER=1\",\"line\":\"a\\nb\"}}");

        assertEquals(invalid.toString(), 422, invalid.status());
        ContainerIT.assertProblem(invalid, 422);
        Set<String> fields = new HashSet<>();
        invalid.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(Set.of("source", "dest", "timeout", "account", "callerid", "variables.bad name",
                "variables.ok", "variables.line"), fields);
        Http.Response empty = admin.json("POST", CALLS, "{}");
        assertEquals(422, empty.status());
        assertEquals(422, admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\",\"timeout\":0}").status());
        assertEquals(422, admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\",\"variables\":[1]}")
                .status());
        assertTrue(server.actions("Originate").isEmpty());
    }

    @Test
    public void whenCallDeleted_thenItsChannelIsHungUp() throws Exception {
        String channel = "SIP/402-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        server.pbx().addChannel(channel, SOURCE, "555");
        server.on("Originate", action -> List.of(AmiMessage.success(action, "Originate successfully queued"),
                AmiMessage.event("OriginateResponse", action).with("Response", "Success").with("Channel", channel)
                        .with("Reason", 4).with("Uniqueid", "1700000999.1")));
        String id = admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"555\"}").json().get("id").asText();
        awaitStatus(admin, id, "answered");

        Http.Response hungUp = admin.send("DELETE", CALLS + "/" + id, null, Map.of());

        assertEquals(hungUp.toString(), 204, hungUp.status());
        assertEquals(channel, server.awaitAction("Hangup", DEADLINE).get("Channel"));
        await("the call shows it ended", () -> !callOf(admin, id).get("ended").isNull());
        assertEquals("16", callOf(admin, id).get("hangup_cause").asText());
        assertEquals(404, admin.send("DELETE", CALLS + "/" + id, null, Map.of()).status());
        assertEquals(404, admin.send("DELETE", CALLS + "/nosuchcall", null, Map.of()).status());
    }

    @Test
    public void whenLiveCallsListedOrCounted_thenChannelsAndCallsAreShown() {
        Map<String, String> a = server.pbx().addChannel("SIP/402-00000a01", SOURCE, "403");
        Map<String, String> b = server.pbx().addChannel("SIP/403-00000a02", "403", "402");
        b.put("Linkedid", a.get("Uniqueid")); // the two legs of one call

        JsonNode channels = admin.get(CALLS).json().get("results");
        Set<String> names = new HashSet<>();
        channels.forEach(channel -> names.add(channel.get("channel").asText()));
        assertTrue(names.toString(), names.containsAll(Set.of("SIP/402-00000a01", "SIP/403-00000a02")));
        assertEquals(server.pbx().channels().size(), channels.size());

        JsonNode count = admin.get(CALLS + "/count").json();
        long calls = server.pbx().channels().stream().map(channel -> channel.get("Linkedid")).distinct().count();
        assertEquals(server.pbx().channels().size(), count.get("channels").asLong());
        assertEquals(calls, count.get("calls").asLong());
    }

    @Test
    public void whenTenantCalls_thenItUsesAndSeesOnlyItsOwnExtensionsAndCalls() throws Exception {
        String adminToken = Logins.adminToken(http);
        String code = Logins.tenant(http, adminToken, 60_000, 69_999);
        Http tenant = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"calls\",\"tenant\":\"" + code + "\"}"));
        String own = Integer.toString(ThreadLocalRandom.current().nextInt(60_000, 69_999));
        Http.Response created = tenant.json("PUT", "/pbxapi/extensions/" + own + "?reload=0", "{\"name\":\"Own\"}");
        assertTrue(created.toString(), created.status() < 300);
        server.pbx().addChannel("SIP/" + own + "-00000b01", own, "100");

        assertEquals(404, tenant.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}").status());
        Http.Response accepted = tenant.json("POST", CALLS,
                "{\"source\":\"" + own + "\",\"dest\":\"100\",\"variables\":{\"callid\":\"453131\"}}");
        assertEquals(accepted.toString(), 202, accepted.status());
        assertEquals(List.of(code + "-callid=453131"), server.awaitAction("Originate", DEADLINE).getAll("Variable"));
        String id = accepted.json().get("id").asText();
        awaitStatus(tenant, id, "answered");
        String adminCall = admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}").json().get("id").asText();
        assertEquals(404, tenant.get(CALLS + "/" + adminCall).status());
        assertEquals(200, admin.get(CALLS + "/" + id).status());

        JsonNode channels = tenant.get(CALLS).json().get("results");
        assertEquals(channels.toString(), 1, channels.size());
        assertEquals("SIP/" + own + "-00000b01", channels.get(0).get("channel").asText());
        assertEquals(1, tenant.get(CALLS + "/count").json().get("channels").asLong());
    }

    @Test
    public void whenAmiIsDown_thenEveryCallIs503AtOnceAndRecoversAfterwards() throws Exception {
        String id = admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}").json().get("id").asText();
        server.suspend();
        await("AMI is down", () -> admin.get(CALLS + "/count").status() == 503);

        long start = System.nanoTime();
        assertFastUnavailable(admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}"), start);
        start = System.nanoTime();
        assertFastUnavailable(admin.get(CALLS), start);
        start = System.nanoTime();
        assertFastUnavailable(admin.get(CALLS + "/count"), start);
        start = System.nanoTime();
        assertFastUnavailable(admin.get(CALLS + "/" + id), start);
        start = System.nanoTime();
        assertFastUnavailable(admin.send("DELETE", CALLS + "/" + id, null, Map.of()), start);

        server.resume();
        await("AMI is back", () -> admin.get(CALLS + "/count").status() == 200);
        assertEquals(202, admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}").status());
    }

    @Test
    public void whenOpenApiRead_thenTheCallsAreDocumented() {
        JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
        assertTrue(paths.toString(), paths.has(CALLS) && paths.has(CALLS + "/count") && paths.has(CALLS + "/{id}"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void assertFastUnavailable(Http.Response response, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        assertEquals(response.toString(), 503, response.status());
        ContainerIT.assertProblem(response, 503);
        assertNotNull(response.toString(), response.header("Retry-After"));
        assertTrue("answered in " + millis + " ms", millis < 1000);
    }

    private String outcomeWhenAsteriskReports(String response, int reason) throws Exception {
        server.on("Originate", action -> List.of(AmiMessage.success(action, "Originate successfully queued"),
                AmiMessage.event("OriginateResponse", action).with("Response", response).with("Channel", "SIP/402")
                        .with("Reason", reason).with("Uniqueid", "<null>")));
        Http.Response accepted = admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"100\"}");
        assertEquals(accepted.toString(), 202, accepted.status());
        String id = accepted.json().get("id").asText();
        await("an outcome for " + id, () -> !"queued".equals(callOf(admin, id).get("status").asText()));
        return callOf(admin, id).get("status").asText();
    }

    private static JsonNode awaitStatus(Http client, String id, String status) {
        await("call " + id + " is " + status, () -> status.equals(callOf(client, id).get("status").asText()));
        return callOf(client, id);
    }

    private static JsonNode callOf(Http client, String id) {
        Http.Response response = client.get(CALLS + "/" + id);
        assertEquals(response.toString(), 200, response.status());
        return response.json().get("results").get(0);
    }
}
