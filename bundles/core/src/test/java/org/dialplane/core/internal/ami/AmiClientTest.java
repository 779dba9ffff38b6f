package org.dialplane.core.internal.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.rest.ApiException;
import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real AMI client against the fake AMI server, over TCP. */
class AmiClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeAmiServer server;
    private AmiClient client;

    @BeforeEach
    void connect() throws Exception {
        server = FakeAmiServer.start();
        client = new AmiClient(settings(server.host()), EventClasses.onClasspath());
        client.start();
        await(client::isConnected, "connected");
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void whenConnected_thenLoggedInByMd5ChallengeWithoutSendingTheSecret() throws Exception {
        AmiMessage login = server.awaitAction("Login", WAIT);
        assertEquals("MD5", login.get("AuthType"));
        assertNotNull(login.get("Key"));
        assertNull(login.get("Secret"));
        assertEquals(1, server.loginCount());
    }

    @Test
    void whenActionSent_thenItGetsItsResponse() {
        AmiResponse pong = client.call(AmiAction.of("Ping"));
        assertTrue(pong.success());
        assertEquals("Pong", pong.get("ping"));
    }

    @Test
    void whenResponseIsAnError_thenItIsAResultNotAFailure() {
        AmiResponse response = client.call(AmiAction.of("QueuePause").with("Interface", "SIP/999")
                .with("Paused", "true"));
        assertFalse(response.success());
        assertEquals("Interface not found", response.message());
    }

    @Test
    void whenEventListActionSent_thenItCollectsItsEvents() {
        server.pbx().addChannel("SIP/100-00000001", "100", "200");
        server.pbx().addChannel("SIP/101-00000002", "101", "201");
        AmiResponse channels = client.call(AmiAction.of("CoreShowChannels").collecting("CoreShowChannelsComplete"));
        assertTrue(channels.success());
        assertEquals(2, channels.events().size());
        assertTrue(channels.events().get(0).is("CoreShowChannel"));
        assertEquals("SIP/100-00000001", channels.events().get(0).get("Channel"));
        assertEquals("100", channels.events().get(0).get("CallerIDNum"));
        assertEquals("2", channels.completion().get("ListItems"));
    }

    @Test
    void whenQueueStatusSent_thenItCollectsParamsAndMembers() {
        server.pbx().addQueueMember("400", "SIP/100", "Alice");
        AmiResponse status = client.call(AmiAction.of("QueueStatus").collecting("QueueStatusComplete"));
        assertEquals(List.of("QueueParams", "QueueMember"), status.events().stream().map(AmiEvent::name).toList());
        assertEquals("SIP/100", status.events().get(1).get("Location"));
    }

    @Test
    void whenAsyncOriginateSent_thenItCompletesWithItsOriginateResponse() throws Exception {
        AmiResponse originate = client.call(AmiAction.of("Originate").with("Channel", "SIP/100")
                .with("Context", "from-internal").with("Exten", "200").with("Priority", 1).with("Async", "true")
                .withVariables(Map.of("CDR(userfield)", "crm")).collecting("OriginateResponse"));
        assertTrue(originate.success());
        assertEquals("Success", originate.completion().get("Response"));
        assertEquals("CDR(userfield)=crm", server.awaitAction("Originate", WAIT).get("Variable"));
    }

    @Test
    void whenActionHasAnActionIdField_thenItIsTheIdAndComesBackOnItsEvents() throws Exception {
        List<AmiEvent> received = new CopyOnWriteArrayList<>();
        try (Ami.Subscription subscription = client.subscribe(received::add)) {
            assertTrue(client.call(AmiAction.of("Originate").with("ActionID", "call-1").with("Channel", "SIP/100")
                    .with("Exten", "200").with("Async", "true")).success());
            AmiMessage sent = server.awaitAction("Originate", WAIT);
            assertEquals(1, sent.getAll("ActionID").size(), sent.toString());
            assertTrue(sent.get("ActionID").endsWith("#call-1"), sent.get("ActionID"));
            await(() -> received.stream().anyMatch(event -> event.is("OriginateResponse")
                    && "call-1".equals(event.get("ActionID"))), "the OriginateResponse with our ActionID");
        }
    }

    @Test
    void whenAnyValueSentHasCrLf_thenItIsStripped() throws Exception {
        client.call(AmiAction.of("DBPut").with("Family", "dp\r\n").with("Key", "k")
                .with("Val", "x\r\n\r\nAction: Hangup\r\nChannel: SIP/100"));
        AmiMessage put = server.awaitAction("DBPut", WAIT);
        assertEquals("xAction: HangupChannel: SIP/100", put.get("Val"));
        assertEquals("dp", put.get("Family"));
        assertTrue(server.actions("Hangup").isEmpty());
    }

    @Test
    void whenEventEmitted_thenItIsDeliveredTyped() throws Exception {
        List<AmiEvent> received = new CopyOnWriteArrayList<>();
        try (Ami.Subscription subscription = client.subscribe(received::add)) {
            server.emit("Hangup", Map.of("Channel", "SIP/100-1", "Uniqueid", "1.1", "Cause", "16"));
            await(() -> received.stream().anyMatch(event -> event.is("Hangup")), "a Hangup event");
        }
        AmiEvent hangup = received.stream().filter(event -> event.is("Hangup")).findFirst().orElseThrow();
        assertEquals("SIP/100-1", hangup.get("channel"));
        assertEquals("16", hangup.get("Cause"));
    }

    @Test
    void whenResponsePathUserEventEmitted_thenItIsDeliveredWithItsFields() throws Exception {
        List<AmiEvent> received = new CopyOnWriteArrayList<>();
        try (Ami.Subscription subscription = client.subscribe(received::add)) {
            server.emit("UserEvent", Map.of("UserEvent", "ResponsePath", "Channel", "SIP/100-1", "Uniqueid", "1.7",
                    "Path", "19", "Step", "VARIABLE", "TypeId", "85", "Value", "36985"));
            await(() -> received.stream().anyMatch(event -> event.is("UserEvent")), "a UserEvent");
        }
        AmiEvent step = received.stream().filter(event -> event.is("UserEvent")).findFirst().orElseThrow();
        assertEquals("ResponsePath", step.get("UserEvent"));
        assertEquals("1.7", step.get("Uniqueid"));
        assertEquals("19", step.get("Path"));
        assertEquals("VARIABLE", step.get("Step"));
        assertEquals("85", step.get("TypeId"));
        assertEquals("36985", step.get("Value"));
    }

    @Test
    void whenSubscriberIsSlow_thenItBlocksNeitherOthersNorActions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<AmiEvent> fast = new CopyOnWriteArrayList<>();
        try (Ami.Subscription slow = client.subscribe(event -> awaitQuietly(release));
                Ami.Subscription quick = client.subscribe(fast::add)) {
            for (int i = 0; i < 50; i++) {
                server.emit("UserEvent", Map.of("UserEvent", "Tick", "Seq", Integer.toString(i)));
            }
            server.emit("Hangup", Map.of("Channel", "SIP/1-1"));
            await(() -> fast.stream().anyMatch(event -> event.is("Hangup")), "events past a stuck subscriber");
            assertTrue(client.call(AmiAction.of("Ping")).success());
        } finally {
            release.countDown();
        }
    }

    @Test
    void whenServerDropsTheConnection_thenTheClientReconnects() throws Exception {
        server.dropConnections();
        server.awaitLogins(2, WAIT);
        await(client::isConnected, "reconnected");
        assertTrue(client.call(AmiAction.of("Ping")).success());
    }

    @Test
    void whenServerIsDown_thenActionsFailFastWith503AndRetryAfterThenRecover() throws Exception {
        server.suspend();
        await(() -> !client.isConnected(), "disconnected");
        long start = System.nanoTime();
        ApiException down = assertThrows(ApiException.class, () -> client.call(AmiAction.of("Ping")));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "failed fast");
        assertEquals(503, down.problem().status());
        assertNotNull(down.headers().get("Retry-After"));

        server.resume();
        await(client::isConnected, "reconnected after the server came back");
        assertTrue(client.call(AmiAction.of("Ping")).success());
    }

    @Test
    void whenConnectionDropsWithAnActionPending_thenItFailsWith503() throws Exception {
        server.ignore("Ping");
        CompletableFuture<AmiResponse> pending = client.send(AmiAction.of("Ping"), Duration.ofSeconds(30))
                .toCompletableFuture();
        server.awaitAction("Ping", WAIT);
        server.dropConnections();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertEquals(503, ((ApiException) failure.getCause()).problem().status());
    }

    @Test
    void whenServerGoesAwayDuringAnEventListAction_then503AtOnceThenRecovers() throws Exception {
        server.ignore("CoreShowChannels");
        CompletableFuture<AmiResponse> pending = client.send(AmiAction.of("CoreShowChannels")
                .collecting("CoreShowChannelsComplete"), Duration.ofSeconds(30)).toCompletableFuture();
        server.awaitAction("CoreShowChannels", WAIT);
        long dropped = System.nanoTime();
        server.suspend();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - dropped < TimeUnit.SECONDS.toNanos(1), "failed as the connection dropped");
        ApiException down = (ApiException) failure.getCause();
        assertEquals(503, down.problem().status());
        assertNotNull(down.headers().get("Retry-After"));

        server.reset();
        server.resume();
        await(client::isConnected, "reconnected after the server came back");
        assertTrue(client.call(AmiAction.of("CoreShowChannels").collecting("CoreShowChannelsComplete")).success());
    }

    @Test
    void whenKeepAlivePingUnanswered_thenTheConnectionIsDroppedAndReconnected() throws Exception {
        AmiSettings quickKeepAlive = new AmiSettings(server.host(), server.port(), server.user(), server.secret(),
                Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(200));
        try (AmiClient watched = new AmiClient(quickKeepAlive, Map.of())) {
            watched.start();
            server.awaitLogins(2, WAIT); // this test's client is the second login
            server.ignore("Ping"); // the peer stops answering but keeps the socket open
            server.awaitLogins(3, WAIT);
            server.reset();
            await(watched::isConnected, "reconnected");
        }
    }

    @Test
    void whenActionUnanswered_thenItTimesOutWith504() {
        server.ignore("Ping");
        ApiException timeout = assertThrows(ApiException.class,
                () -> client.call(AmiAction.of("Ping"), Duration.ofMillis(300)));
        assertEquals(504, timeout.problem().status());
    }

    @Test
    void whenNotConfigured_thenActionsFailAtOnceWith503() {
        try (AmiClient none = new AmiClient(settings(""), Map.of())) {
            none.start();
            assertEquals(AmiState.DISABLED, none.state());
            ApiException unavailable = assertThrows(ApiException.class, () -> none.call(AmiAction.of("Ping")));
            assertEquals(503, unavailable.problem().status());
            assertEquals("60", unavailable.headers().get("Retry-After"));
        }
    }

    private AmiSettings settings(String host) {
        return new AmiSettings(host, server.port(), server.user(), server.secret(), Duration.ofSeconds(2),
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
