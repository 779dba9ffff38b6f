package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The event stream's limits, configured as an operator does, with a {@code .cfg} file of its PID
 * ({@code org.dialplane.events.EventStream}) dropped while running: one client more than {@code max.clients}
 * answers 503 with Retry-After, and a quiet stream gets a keep-alive comment every {@code keepalive.seconds}.
 */
public class EventLimitsIT extends DialplaneTestSupport {
    private static final String EVENTS = "/pbxapi/events";
    private static FakeAmiServer server;

    @Override
    protected Option options() {
        return composite(database("EventLimitsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()));
    }

    @Test
    public void whenLimitsConfiguredByCfgFile_thenOneClientTooMany503AndQuietStreamsKeptAlive() throws Exception {
        server = AmiPeers.of(this);
        String token = Logins.adminToken(http);
        Map<String, String> auth = Logins.bearer(token);
        await("AMI is connected", () -> http.send("GET", "/pbxapi/calls/count", null, auth).status() == 200);
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Files.writeString(deploy.resolve("org.dialplane.events.EventStream.cfg"),
                "max.clients = 2\nkeepalive.seconds = 1\n");

        List<SseClient> open = new ArrayList<>();
        try {
            // Until the configuration is applied, the third stream is still accepted (256 by default).
            // Until the configuration is applied the third stream is accepted (256 by default); streams closed by
            // an earlier attempt hold their place until the server notices, at its next keep-alive.
            await("two streams accepted and a third refused", Duration.ofSeconds(30), () -> {
                closeAll(open);
                try {
                    open.add(SseClient.connect(port(), EVENTS, auth));
                    open.add(SseClient.connect(port(), EVENTS, auth));
                } catch (IOException | InterruptedException e) {
                    return false;
                }
                try {
                    open.add(SseClient.connect(port(), EVENTS, auth));
                    return false;
                } catch (SseClient.Refused refused) {
                    // Not the 503 of the old component stopping while the new configuration is applied.
                    return refused.response.status() == 503 && refused.response.body().contains("Too many");
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
            SseClient.Refused third = refusedThird(auth);
            assertEquals(503, third.response.status());
            assertNotNull(third.response.header("retry-after"));
            ContainerIT.assertProblem(third.response, 503);

            SseClient quiet = open.get(0);
            int before = quiet.comments();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (quiet.comments() < before + 2 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertTrue("two keep-alives on a quiet stream within 10 s; comments " + before + " -> " + quiet.comments()
                    + ", lines " + quiet.lines, quiet.comments() >= before + 2);

            open.remove(quiet);
            quiet.close();
            await("a closed stream frees its place", () -> {
                try (SseClient again = SseClient.connect(port(), EVENTS, auth)) {
                    return true;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
        } finally {
            closeAll(open);
        }
    }

    private SseClient.Refused refusedThird(Map<String, String> auth) throws Exception {
        try (SseClient accepted = SseClient.connect(port(), EVENTS, auth)) {
            throw new AssertionError("a third stream was accepted");
        } catch (SseClient.Refused refused) {
            return refused;
        }
    }

    private static void closeAll(List<SseClient> clients) {
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
