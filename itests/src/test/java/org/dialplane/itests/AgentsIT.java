package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
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
 * {@code /pbxapi/agents/{extension}/pause|unpause} (MiRTA AGENT PAUSE) and {@code /pbxapi/queues} against the
 * fake AMI server over TCP: which QueuePauses reach Asterisk (one per queue membership, naming the member's own
 * interface, IssabelPBX's {@code Local/402@from-queue/n}), the queue members' state, MiRTA's {@code 104-TENANT}
 * form, tenants kept to their own, validation, and fast 503s while Asterisk is down.
 */
public class AgentsIT extends DialplaneTestSupport {
    private static final String AGENTS = "/pbxapi/agents/";
    private static final String QUEUES = "/pbxapi/queues";
    private static final String AGENT = "402";
    /** How IssabelPBX defines a static queue member: a Local channel into from-queue, not the device. */
    private static final String STATIC_MEMBER = "Local/" + AGENT + "@from-queue/n";
    /** An extension that is a member of no queue. */
    private static final String NOT_AN_AGENT = "403";
    /** Started inside the container on first use, on the port core was given; core retries until then. */
    private static FakeAmiServer server;

    private Http admin;

    @Override
    protected Option options() {
        return composite(database("AgentsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()));
    }

    @Before
    public void fakeAmiRunsAndTheAgentIsInTwoQueues() throws IOException {
        server = AmiPeers.of(this, peer -> {
            // As on IssabelPBX: a static member through a Local channel, and a dynamic member by device.
            peer.pbx().addQueueMember("281", STATIC_MEMBER, "Agent " + AGENT);
            peer.pbx().addQueueMember("282", "SIP/" + AGENT, "Agent " + AGENT);
            peer.pbx().addQueueMember("283", "SIP/499", "Someone else");
        });
        server.resume();
        server.reset();
        await("the queues resource answers", () -> http.get(QUEUES).status() == 401);
        admin = asAdmin();
        await("AMI is connected", () -> admin.get(QUEUES).status() == 200);
        for (String extension : new String[] {AGENT, NOT_AN_AGENT}) {
            Http.Response created = admin.json("PUT", "/pbxapi/extensions/" + extension + "?reload=0",
                    "{\"name\":\"Agent\"}");
            assertTrue(created.toString(), created.status() < 300);
        }
    }

    @Test
    public void whenStaticMemberPausedInAQueue_thenItsLocalChannelInterfaceIsSentThereOnly() throws Exception {
        unpauseEverywhere(admin, AGENT);

        Http.Response paused = admin.json("POST", AGENTS + AGENT + "/pause",
                "{\"queue\":\"281\",\"reason\":\"Breakfast\"}");

        assertEquals(paused.toString(), 200, paused.status());
        JsonNode results = paused.json().get("results");
        assertEquals(results.toString(), 1, results.size());
        JsonNode result = results.get(0);
        assertEquals(AGENT, result.get("extension").asText());
        assertEquals("281", result.get("queue").asText());
        assertEquals(STATIC_MEMBER, result.get("interface").asText());
        assertTrue(result.get("paused").asBoolean());
        assertEquals("Breakfast", result.get("reason").asText());
        List<AmiMessage> pauses = server.actions("QueuePause");
        assertEquals(pauses.toString(), 1, pauses.size());
        assertEquals(STATIC_MEMBER, pauses.get(0).get("Interface"));
        assertEquals("281", pauses.get(0).get("Queue"));
        assertEquals("Breakfast", pauses.get(0).get("Reason"));
        assertEquals("true", pauses.get(0).get("Paused"));
        assertEquals("281", server.awaitAction("QueueStatus", DEADLINE).get("Queue"));
        JsonNode member = memberOf(admin, "281", AGENT);
        assertTrue(member.get("paused").asBoolean());
        assertEquals("Breakfast", member.get("reason").asText());
        assertFalse(memberOf(admin, "282", AGENT).get("paused").asBoolean());
    }

    @Test
    public void whenPausedWithoutQueue_thenEveryMembershipIsPausedWithItsOwnInterface() throws Exception {
        unpauseEverywhere(admin, AGENT);

        Http.Response paused = admin.json("POST", AGENTS + AGENT + "/pause", "{\"reason\":\"Lunch\"}");

        assertEquals(paused.toString(), 200, paused.status());
        Set<String> reported = new HashSet<>();
        paused.json().get("results").forEach(result -> reported.add(result.get("queue").asText() + " "
                + result.get("interface").asText() + " " + result.get("paused").asBoolean()));
        assertEquals(Set.of("281 " + STATIC_MEMBER + " true", "282 SIP/" + AGENT + " true"), reported);
        Set<String> sent = new HashSet<>();
        server.actions("QueuePause").forEach(action -> sent.add(action.get("Queue") + " " + action.get("Interface")
                + " " + action.get("Reason")));
        assertEquals(Set.of("281 " + STATIC_MEMBER + " Lunch", "282 SIP/" + AGENT + " Lunch"), sent);
        assertNull(server.awaitAction("QueueStatus", DEADLINE).get("Queue"));
        assertTrue(memberOf(admin, "281", AGENT).get("paused").asBoolean());
        assertTrue(memberOf(admin, "282", AGENT).get("paused").asBoolean());
    }

    @Test
    public void whenUnpausedWithoutQueue_thenEveryQueueIsUnpaused() throws Exception {
        assertEquals(200, admin.json("POST", AGENTS + AGENT + "/pause", "{\"reason\":\"Lunch\"}").status());
        assertTrue(memberOf(admin, "282", AGENT).get("paused").asBoolean());
        server.reset();

        Http.Response unpaused = admin.json("POST", AGENTS + AGENT + "/unpause", "{}");

        assertEquals(unpaused.toString(), 200, unpaused.status());
        JsonNode results = unpaused.json().get("results");
        assertEquals(results.toString(), 2, results.size());
        results.forEach(result -> assertFalse(result.toString(), result.get("paused").asBoolean()));
        List<AmiMessage> pauses = server.actions("QueuePause");
        assertEquals(pauses.toString(), 2, pauses.size());
        pauses.forEach(action -> assertEquals("false", action.get("Paused")));
        assertFalse(memberOf(admin, "281", AGENT).get("paused").asBoolean());
        assertFalse(memberOf(admin, "282", AGENT).get("paused").asBoolean());
        // No body at all is an unpause in every queue too.
        assertEquals(200, admin.send("POST", AGENTS + AGENT + "/unpause", null, Map.of()).status());
    }

    @Test
    public void whenExtensionIsNoQueuesMember_then404SayingSo() {
        Http.Response none = admin.json("POST", AGENTS + NOT_AN_AGENT + "/pause", "{\"reason\":\"x\"}");
        assertEquals(none.toString(), 404, none.status());
        ContainerIT.assertProblem(none, 404);
        assertTrue(none.body(), none.json().get("detail").asText().contains("not a member of any queue"));

        Http.Response notThere = admin.json("POST", AGENTS + AGENT + "/pause", "{\"queue\":\"283\"}");
        assertEquals(notThere.toString(), 404, notThere.status());
        ContainerIT.assertProblem(notThere, 404);
        assertTrue(notThere.body(), notThere.json().get("detail").asText().contains("not a member of queue 283"));
        assertEquals(404, admin.json("POST", AGENTS + AGENT + "/unpause", "{\"queue\":\"999\"}").status());
        assertTrue(server.actions("QueuePause").isEmpty());
    }

    @Test
    public void whenMemberPaused_thenTheQueueListShowsItAndWhy() {
        assertEquals(200, admin.json("POST", AGENTS + AGENT + "/pause",
                "{\"queue\":\"282\",\"reason\":\"Training\"}").status());

        JsonNode member = memberOf(admin, "282", AGENT);

        assertTrue(member.toString(), member.get("paused").asBoolean());
        assertEquals("Training", member.get("reason").asText());
        assertEquals("SIP/" + AGENT, member.get("interface").asText());
        assertEquals("Agent " + AGENT, member.get("name").asText());
        assertEquals("not in use", member.get("status").asText());
        assertEquals(0, member.get("calls_taken").asLong());
        Set<String> queues = new HashSet<>();
        admin.get(QUEUES).json().get("results").forEach(queue -> queues.add(queue.get("queue").asText()));
        assertTrue(queues.toString(), queues.containsAll(Set.of("281", "282", "283")));
    }

    @Test
    public void whenAsteriskRefuses_then502WithItsMessage() {
        server.fail("QueuePause", "Interface not found");
        Http.Response refused = admin.json("POST", AGENTS + AGENT + "/pause", "{\"queue\":\"281\"}");
        assertEquals(refused.toString(), 502, refused.status());
        ContainerIT.assertProblem(refused, 502);
        assertTrue(refused.body(), refused.body().contains("Interface not found"));
    }

    @Test
    public void whenExtensionIsUnknown_then404AndNothingReachesAsterisk() {
        server.reset(); // forgets the QueueStatus of the set-up
        Http.Response missing = admin.json("POST", AGENTS + "98765/pause", "{\"reason\":\"x\"}");
        assertEquals(missing.toString(), 404, missing.status());
        ContainerIT.assertProblem(missing, 404);
        assertTrue(missing.body(), missing.json().get("detail").asText().contains("No extension 98765"));
        assertEquals(404, admin.json("POST", AGENTS + "98765/unpause", "{}").status());
        assertTrue(server.actions().stream().noneMatch(action -> action.isAction("QueuePause")
                || action.isAction("QueueStatus")));
    }

    @Test
    public void whenExtensionIsMalformed_then400() {
        for (String bad : new String[] {"abc", AGENT + "-", AGENT + ",403", "-DEVEL", AGENT + "-1x", AGENT + "%20x"}) {
            Http.Response refused = admin.json("POST", AGENTS + bad + "/pause", "{}");
            assertEquals(bad + ": " + refused, 400, refused.status());
            ContainerIT.assertProblem(refused, 400);
        }
        assertTrue(server.actions("QueuePause").isEmpty());
    }

    @Test
    public void whenBodyIsInvalid_then422NamingEveryField() {
        Http.Response invalid = admin.json("POST", AGENTS + AGENT + "/pause",
                "{\"queue\":\"281;x\",\"reason\":\"a\\r\\nAction: Originate\"}");

        assertEquals(invalid.toString(), 422, invalid.status());
        ContainerIT.assertProblem(invalid, 422);
        Set<String> fields = new HashSet<>();
        invalid.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(Set.of("queue", "reason"), fields);
        assertEquals(422, admin.json("POST", AGENTS + AGENT + "/pause",
                "{\"reason\":\"" + "x".repeat(81) + "\"}").status());
        assertEquals(422, admin.json("POST", AGENTS + AGENT + "/unpause", "{\"queue\":281.5}").status());
        assertTrue(server.actions("QueuePause").isEmpty());
    }

    @Test
    public void whenTenantPausesOrLists_thenOnlyItsOwnAgents() throws Exception {
        String adminToken = Logins.adminToken(http);
        String code = Logins.tenant(http, adminToken, 60_000, 69_999);
        Http tenant = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"agents\",\"tenant\":\"" + code + "\"}"));
        String own = Integer.toString(ThreadLocalRandom.current().nextInt(60_000, 69_999));
        Http.Response created = tenant.json("PUT", "/pbxapi/extensions/" + own + "?reload=0", "{\"name\":\"Own\"}");
        assertTrue(created.toString(), created.status() < 300);
        server.pbx().addQueueMember("281", "SIP/" + own, "Tenant agent");

        assertEquals(404, tenant.json("POST", AGENTS + AGENT + "/pause", "{}").status());
        assertEquals(404, tenant.json("POST", AGENTS + AGENT + "-default/pause", "{}").status());
        assertEquals(404, tenant.json("POST", AGENTS + own + "-default/pause", "{}").status());
        assertEquals(404, admin.json("POST", AGENTS + AGENT + "-" + code + "/pause", "{}").status());
        assertTrue(server.actions("QueuePause").isEmpty());
        assertEquals(200, tenant.json("POST", AGENTS + own + "/pause", "{\"reason\":\"Breakfast\"}").status());
        assertEquals("SIP/" + own, server.awaitAction("QueuePause", DEADLINE).get("Interface"));

        JsonNode queues = tenant.get(QUEUES).json().get("results");
        assertEquals(queues.toString(), 1, queues.size());
        assertEquals("281", queues.get(0).get("queue").asText());
        JsonNode members = queues.get(0).get("members");
        assertEquals(members.toString(), 1, members.size());
        assertEquals(own, members.get(0).get("extension").asText());
        assertTrue(members.get(0).get("paused").asBoolean());
        // The admin may name the tenant, MiRTA style, and then acts on that tenant's extension.
        Http.Response byAdmin = admin.json("POST", AGENTS + own + "-" + code + "/unpause", "{}");
        assertEquals(byAdmin.toString(), 200, byAdmin.status());
        assertFalse(memberOf(tenant, "281", own).get("paused").asBoolean());
    }

    /** The seed's AGENT example: {@code action=PAUSE&queue=281&extension=104-DEVEL&pausereason=Breakfast}. */
    @Test
    public void whenMirtaPausesExtensionDashTenant_thenThatTenantsAgentIsPaused() throws Exception {
        String adminToken = Logins.adminToken(http);
        String code = Logins.tenant(http, adminToken, 100, 109);
        Http tenant = http.bearer(Logins.apiKey(http, adminToken, "{\"name\":\"mirta\",\"tenant\":\"" + code + "\"}"));
        Http.Response created = tenant.json("PUT", "/pbxapi/extensions/104?reload=0", "{\"name\":\"Agent 104\"}");
        assertTrue(created.toString(), created.status() < 300);
        server.pbx().addQueueMember("281", "Local/104@from-queue/n", "Agent 104");

        Http.Response paused = tenant.json("POST", AGENTS + "104-" + code + "/pause",
                "{\"queue\":\"281\",\"reason\":\"Breakfast\"}");

        assertEquals(paused.toString(), 200, paused.status());
        JsonNode result = paused.json().get("results").get(0);
        assertEquals("104", result.get("extension").asText());
        assertEquals("Local/104@from-queue/n", result.get("interface").asText());
        AmiMessage action = server.awaitAction("QueuePause", DEADLINE);
        assertEquals("Local/104@from-queue/n", action.get("Interface"));
        assertEquals("281", action.get("Queue"));
        assertEquals("Breakfast", action.get("Reason"));
        assertEquals("Breakfast", memberOf(tenant, "281", "104").get("reason").asText());
        Http.Response otherTenant = tenant.json("POST", AGENTS + "104-OTHER/pause", "{\"queue\":\"281\"}");
        assertEquals(otherTenant.toString(), 404, otherTenant.status());
        ContainerIT.assertProblem(otherTenant, 404);
        assertEquals(1, server.actions("QueuePause").size());
    }

    @Test
    public void whenAmiIsDown_thenEveryCallIs503AtOnce() throws Exception {
        server.suspend();
        await("AMI is down", () -> admin.get(QUEUES).status() == 503);

        long start = System.nanoTime();
        assertFastUnavailable(admin.get(QUEUES), start);
        start = System.nanoTime();
        assertFastUnavailable(admin.json("POST", AGENTS + AGENT + "/pause", "{\"reason\":\"x\"}"), start);
        start = System.nanoTime();
        assertFastUnavailable(admin.json("POST", AGENTS + AGENT + "/unpause", "{}"), start);

        server.resume();
        await("AMI is back", () -> admin.get(QUEUES).status() == 200);
        assertEquals(200, admin.json("POST", AGENTS + AGENT + "/unpause", "{}").status());
    }

    @Test
    public void whenOpenApiRead_thenTheAgentsAreDocumented() {
        JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
        assertTrue(paths.toString(), paths.has(QUEUES) && paths.has("/pbxapi/agents/{extension}/pause")
                && paths.has("/pbxapi/agents/{extension}/unpause"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void assertFastUnavailable(Http.Response response, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        assertEquals(response.toString(), 503, response.status());
        ContainerIT.assertProblem(response, 503);
        assertNotNull(response.toString(), response.header("Retry-After"));
        assertTrue("answered in " + millis + " ms", millis < 1000);
    }

    /** Unpauses the extension wherever it is a member, then forgets that in the fake's record of actions. */
    private static void unpauseEverywhere(Http client, String extension) {
        Http.Response unpaused = client.json("POST", AGENTS + extension + "/unpause", "{}");
        assertEquals(unpaused.toString(), 200, unpaused.status());
        server.reset();
    }

    /** The member for {@code extension} in {@code queue}, as {@code GET /pbxapi/queues} shows it. */
    private static JsonNode memberOf(Http client, String queue, String extension) {
        Http.Response response = client.get(QUEUES);
        assertEquals(response.toString(), 200, response.status());
        for (JsonNode q : response.json().get("results")) {
            if (queue.equals(q.get("queue").asText())) {
                for (JsonNode member : q.get("members")) {
                    if (extension.equals(member.get("extension").asText())) {
                        return member;
                    }
                }
            }
        }
        throw new AssertionError("no member " + extension + " in queue " + queue + ": " + response.body());
    }
}
