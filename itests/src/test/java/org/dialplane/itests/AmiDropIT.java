package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * AMI going away while a request waits for Asterisk's answer: the request must answer 503 problem+json with
 * Retry-After as soon as the connection drops, not time out into a 504 after core's 5 s action timeout; and once
 * Asterisk is back the same request answers 200 again. Covers an event-list action (COUNTCALLS), an originate
 * (which must leave no call behind) and an agent pause; the connection is dropped, or the server goes away
 * altogether. Only HTTP and the fake here, as in {@link CallsIT}.
 */
public class AmiDropIT extends DialplaneTestSupport {
    private static final String CALLS = "/pbxapi/calls";
    private static final String PAUSE = "/pbxapi/agents/402/pause";
    private static final String PAUSE_BODY = "{\"queue\":\"281\",\"reason\":\"Breakfast\"}";
    /** The "within a second", counted from the drop; a timeout would take 5 s from the request. */
    private static final long PROMPT_MILLIS = 1000;
    /** Started inside the container on first use, on the port core was given; core retries until then. */
    private static FakeAmiServer server;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Http admin;

    @Override
    protected Option options() {
        return composite(database("AmiDropIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()));
    }

    @Before
    public void fakeAmiRunsAndTheAgentIsAQueueMember() throws IOException {
        server = AmiPeers.of(this, peer -> {
            peer.pbx().addQueueMember("281", "Local/402@from-queue/n", "Agent 402");
        });
        server.resume();
        server.reset();
        await("the calls resource answers", () -> http.get(CALLS + "/count").status() == 401);
        admin = asAdmin();
        await("AMI is connected", () -> admin.get(CALLS + "/count").status() == 200);
        Http.Response extension = admin.json("PUT", "/pbxapi/extensions/402?reload=0", "{\"name\":\"Agent\"}");
        assertTrue(extension.toString(), extension.status() < 300);
    }

    @After
    public void stopBackground() {
        background.shutdownNow();
    }

    @Test
    public void whenConnectionDropsDuringACount_then503AtOnceThenRecovers() throws Exception {
        server.ignore("CoreShowChannels");
        CompletableFuture<Http.Response> count = inBackground(() -> admin.get(CALLS + "/count"));
        server.awaitAction("CoreShowChannels", DEADLINE);

        long dropped = System.nanoTime();
        server.dropConnections();

        assertPromptUnavailable(count, dropped);
        server.reset();
        await("COUNTCALLS answers again", () -> admin.get(CALLS + "/count").status() == 200);
    }

    @Test
    public void whenConnectionDropsDuringAnOriginate_then503AndNoQueuedCallLeft() throws Exception {
        server.ignore("Originate");
        CompletableFuture<Http.Response> originate = inBackground(
                () -> admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"9922323232\"}"));
        AmiMessage sent = server.awaitAction("Originate", DEADLINE);
        String id = sent.get("ChannelId");
        assertNotNull(sent.toString(), id);

        long dropped = System.nanoTime();
        server.dropConnections();

        assertPromptUnavailable(originate, dropped);
        server.reset();
        await("originate answers again", () -> admin.get(CALLS + "/count").status() == 200);
        Http.Response ghost = admin.get(CALLS + "/" + id);
        assertEquals("the failed originate is forgotten, not left 'queued': " + ghost, 404, ghost.status());
        Http.Response again = admin.json("POST", CALLS, "{\"source\":\"402\",\"dest\":\"9922323232\"}");
        assertEquals(again.toString(), 202, again.status());
    }

    @Test
    public void whenAsteriskGoesAwayDuringAPause_then503AtOnceThenRecovers() throws Exception {
        server.ignore("QueuePause");
        CompletableFuture<Http.Response> pause = inBackground(() -> admin.json("POST", PAUSE, PAUSE_BODY));
        assertEquals("Local/402@from-queue/n", server.awaitAction("QueuePause", DEADLINE).get("Interface"));

        long dropped = System.nanoTime();
        server.suspend(); // drops the connection and refuses new ones: core keeps reconnecting meanwhile

        assertPromptUnavailable(pause, dropped);
        long start = System.nanoTime();
        Http.Response whileDown = admin.json("POST", PAUSE, PAUSE_BODY);
        assertEquals(whileDown.toString(), 503, whileDown.status());
        assertTrue("answered at once while down", System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(
                PROMPT_MILLIS));

        server.reset();
        server.resume();
        await("the pause answers again", () -> admin.json("POST", PAUSE, PAUSE_BODY).status() == 200);
        assertEquals("Breakfast", server.awaitAction("QueuePause", DEADLINE).get("Reason"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private CompletableFuture<Http.Response> inBackground(Supplier<Http.Response> request) {
        return CompletableFuture.supplyAsync(request, background);
    }

    /** 503 problem+json with a Retry-After in seconds, answered within {@link #PROMPT_MILLIS} of the drop. */
    private static void assertPromptUnavailable(CompletableFuture<Http.Response> pending, long droppedNanos)
            throws Exception {
        Http.Response response = pending.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        long millis = (System.nanoTime() - droppedNanos) / 1_000_000;
        assertEquals(response.toString(), 503, response.status());
        ContainerIT.assertProblem(response, 503);
        String retryAfter = response.header("Retry-After");
        assertNotNull(response.toString(), retryAfter);
        assertTrue("Retry-After " + retryAfter, Integer.parseInt(retryAfter) >= 1);
        assertTrue("answered " + millis + " ms after the drop", millis < PROMPT_MILLIS);
    }
}
