package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.rest.ApiException;
import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Core's AMI connection inside OSGi against the fake AMI server over TCP: MD5 login, actions and event
 * lists, typed events (asterisk-java embedded in core), the state in health, a dropped connection and
 * reconnect, and fast 503s while Asterisk is down.
 */
public class AmiIT extends DialplaneTestSupport {
    /** Started inside the container on first use, on the port core was given; core retries until then. */
    private static FakeAmiServer server;

    @Inject
    private Ami ami;

    @Override
    protected Option options() {
        // runs in the driver: the port reaches the container (and the test inside it) as a framework property
        return composite(fakeAmi(), amiPointingAt(freePort()));
    }

    /** The fake AMI server's bundle, for tests that run it inside the container. */
    static Option fakeAmi() {
        return bundle(testBundle("org.dialplane.testing.fakeami").toUri().toString());
    }

    /** Core's AMI settings for a fake server on that loopback port, with a short reconnect backoff. */
    static Option amiPointingAt(int port) {
        return composite(frameworkProperty("dialplane.ami.host").value("127.0.0.1"),
                frameworkProperty("dialplane.ami.port").value(Integer.toString(port)),
                frameworkProperty("dialplane.ami.user").value("dialplane"),
                frameworkProperty("dialplane.ami.secret").value("s3cret"),
                frameworkProperty("dialplane.ami.backoff.min.ms").value("100"),
                frameworkProperty("dialplane.ami.backoff.max.ms").value("300"));
    }

    @Before
    public void fakeAmiRunsAndCoreIsConnected() throws IOException {
        synchronized (AmiIT.class) {
            if (server == null) {
                server = FakeAmiServer.start("dialplane", "s3cret",
                        Integer.parseInt(context.getProperty("dialplane.ami.port")));
            }
        }
        server.resume();
        server.reset();
        await("health shows AMI connected", () -> "connected".equals(amiHealth()));
    }

    @Test
    public void logsInWithAnMd5Challenge() throws Exception {
        server.dropConnections(); // a login recorded after reset()
        await("reconnected", () -> ami.isConnected() && !server.actions("Login").isEmpty());
        AmiMessage login = server.actions("Login").get(0);
        assertEquals("MD5", login.get("AuthType"));
        assertNotNull(login.get("Key"));
        assertNull(login.get("Secret"));
    }

    @Test
    public void actionGetsItsResponse() {
        AmiResponse pong = ami.call(AmiAction.of("Ping"));
        assertTrue(pong.success());
        assertEquals("Pong", pong.get("Ping"));
    }

    @Test
    public void eventListActionCollectsTypedEvents() {
        server.pbx().addChannel("SIP/300-00000009", "300", "400");
        AmiResponse channels = ami.call(AmiAction.of("CoreShowChannels").collecting("CoreShowChannelsComplete"));
        assertTrue(channels.events().stream().anyMatch(event -> event.is("CoreShowChannel")
                && "SIP/300-00000009".equals(event.get("Channel"))));
    }

    @Test
    public void eventsArriveTypedInsideOsgi() {
        List<AmiEvent> received = new CopyOnWriteArrayList<>();
        try (Ami.Subscription subscription = ami.subscribe(received::add)) {
            server.emit("Hangup", Map.of("Channel", "SIP/300-1", "Uniqueid", "9.1", "Cause", "16"));
            // asterisk-java drops events it has no class for: arriving at all means typed
            await("a Hangup event", () -> received.stream().anyMatch(event -> event.is("Hangup")));
        }
        assertEquals("16", received.stream().filter(event -> event.is("Hangup")).findFirst().get().get("Cause"));
    }

    @Test
    public void reconnectsAfterTheServerDropsTheConnection() {
        int logins = server.loginCount();
        server.dropConnections();
        await("logged in again", () -> server.loginCount() > logins);
        await("health shows AMI connected", () -> "connected".equals(amiHealth()));
        assertTrue(ami.call(AmiAction.of("Ping")).success());
    }

    @Test
    public void whileAsteriskIsDownCallsFailFastWith503() throws Exception {
        server.suspend();
        await("health shows AMI disconnected", () -> "disconnected".equals(amiHealth()));
        long start = System.nanoTime();
        try {
            ami.call(AmiAction.of("Ping"));
            fail("AMI is down, the call must fail");
        } catch (ApiException down) {
            assertTrue("fast", System.nanoTime() - start < 1_000_000_000L);
            assertEquals(503, down.problem().status());
            assertNotNull(down.headers().get("Retry-After"));
        }
        server.resume();
        await("health shows AMI connected again", () -> "connected".equals(amiHealth()));
    }

    private String amiHealth() {
        Http.Response health = http.get("/pbxapi/system/health");
        return health.status() == 200 && health.json().has("ami") ? health.json().get("ami").asText() : null;
    }
}
