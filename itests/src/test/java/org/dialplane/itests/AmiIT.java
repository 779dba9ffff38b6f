package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;

import org.dialplane.testing.fakeami.AmiMessage;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Core's AMI connection inside OSGi against the fake AMI server over TCP: MD5 login, actions and event
 * lists, typed events (asterisk-java embedded in core), the state in health, a dropped connection and
 * reconnect, and fast 503s while Asterisk is down. Calls through core's API are in {@link AmiChecks}.
 */
public class AmiIT extends DialplaneTestSupport {
    /** Started inside the container on first use, on the port core was given; core retries until then. */
    private static FakeAmiServer server;
    private AmiChecks checks;

    @Override
    protected Option options() {
        // runs in the driver: the port reaches the container (and the test inside it) as a framework property
        return composite(database("AmiIT"), fakeAmi(), amiPointingAt(freePort()));
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
        server = AmiPeers.of(this);
        server.resume();
        server.reset();
        await("health shows AMI connected", () -> "connected".equals(amiHealth()));
        checks = new AmiChecks(context);
    }

    @Test
    public void whenConnected_thenLoggedInByMd5Challenge() throws Exception {
        server.dropConnections(); // a login recorded after reset()
        await("reconnected", () -> checks.connected() && !server.actions("Login").isEmpty());
        AmiMessage login = server.actions("Login").get(0);
        assertEquals("MD5", login.get("AuthType"));
        assertNotNull(login.get("Key"));
        assertNull(login.get("Secret"));
    }

    @Test
    public void whenActionSent_thenItGetsItsResponse() {
        checks.pingIsAnswered();
    }

    @Test
    public void whenEventListActionSent_thenItCollectsTypedEvents() {
        server.pbx().addChannel("SIP/300-00000009", "300", "400");
        checks.eventListCollectsTypedEvents("SIP/300-00000009");
    }

    @Test
    public void whenEventEmitted_thenItArrivesTypedInsideOsgi() {
        checks.emittedEventArrives(server);
    }

    @Test
    public void whenServerDropsTheConnection_thenTheClientReconnects() {
        int logins = server.loginCount();
        server.dropConnections();
        await("logged in again", () -> server.loginCount() > logins);
        await("health shows AMI connected", () -> "connected".equals(amiHealth()));
        checks.pingIsAnswered();
    }

    @Test
    public void whenAsteriskIsDown_thenCallsFailFastWith503() throws Exception {
        server.suspend();
        await("health shows AMI disconnected", () -> "disconnected".equals(amiHealth()));
        checks.callFailsFastWith503();
        server.resume();
        await("health shows AMI connected again", () -> "connected".equals(amiHealth()));
    }

    private String amiHealth() {
        Http.Response health = http.get("/pbxapi/system/health");
        return health.status() == 200 && health.json().has("ami") ? health.json().get("ami").asText() : null;
    }
}
