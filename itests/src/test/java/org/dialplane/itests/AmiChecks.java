package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.rest.ApiException;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.osgi.framework.BundleContext;

/**
 * The parts of {@link AmiIT} that use core's types. They live here, not in the test class, because JUnit
 * inspects the test class (fields, method and lambda signatures) outside the container, where core is
 * deliberately not on the class path; this class is only loaded inside the container.
 */
final class AmiChecks {
    private final Ami ami;

    AmiChecks(BundleContext context) {
        this.ami = context.getService(context.getServiceReference(Ami.class));
    }

    boolean connected() {
        return ami.isConnected();
    }

    void pingIsAnswered() {
        AmiResponse pong = ami.call(AmiAction.of("Ping"));
        assertTrue(pong.success());
        assertEquals("Pong", pong.get("Ping"));
    }

    void eventListCollectsTypedEvents(String channel) {
        AmiResponse channels = ami.call(AmiAction.of("CoreShowChannels").collecting("CoreShowChannelsComplete"));
        assertTrue(channels.toString(), channels.events().stream()
                .anyMatch(event -> event.is("CoreShowChannel") && channel.equals(event.get("Channel"))));
    }

    /** asterisk-java drops events it has no class for: arriving at all means they are typed. */
    void emittedEventArrives(FakeAmiServer server) {
        List<AmiEvent> received = new CopyOnWriteArrayList<>();
        try (Ami.Subscription subscription = ami.subscribe(received::add)) {
            server.emit("Hangup", Map.of("Channel", "SIP/300-1", "Uniqueid", "9.1", "Cause", "16"));
            DialplaneTestSupport.await("a Hangup event", () -> received.stream()
                    .anyMatch(event -> event.is("Hangup") && "16".equals(event.get("Cause"))));
        }
    }

    void callFailsFastWith503() throws Exception {
        long start = System.nanoTime();
        Throwable failure = ami.send(AmiAction.of("Ping"), Ami.DEFAULT_TIMEOUT).toCompletableFuture()
                .handle((response, error) -> error).get(1, TimeUnit.SECONDS);
        assertTrue("fast", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        ApiException down = (ApiException) failure;
        assertEquals(503, down.problem().status());
        assertNotNull(down.headers().get("Retry-After"));
    }
}
