package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Asterisk's manager interface killed and restarted, again and again, under the ring group load ({@link LoadDriver},
 * which needs no AMI): while it is down an AMI endpoint answers 503 with Retry-After at once (not after a timeout);
 * once it is back, core is reconnected within 5 s; the JVM's thread count does not grow with the cycles; the load
 * sees no failure. The server goes away with its connections cut and new ones refused (the fake's suspend), as when
 * the Asterisk process dies. Three cycles of 1 s down; {@code -Dfaults.seconds=N}: five of N seconds.
 */
public class AmiOutageIT extends DialplaneTestSupport {
    private static final String COUNT = "/pbxapi/calls/count";
    private static final long PROMPT_MILLIS = 1_000;
    private static final long BACK_WITHIN_MILLIS = 5_000;
    /** Threads that may come and go (pools growing under load, the JVM's own) without being a leak. */
    private static final int THREAD_MARGIN = 15;

    @Override
    protected Option options() {
        return composite(database("AmiOutageIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"),
                frameworkProperty(ProxiedDatabase.FAULT_SECONDS).value(System.getProperty(
                        ProxiedDatabase.FAULT_SECONDS, "")));
    }

    @Test
    public void whenAmiKilledAndRestartedUnderLoad_then503AtOnceBackWithin5sThreadsStable() throws Exception {
        int downSeconds = ProxiedDatabase.faultSeconds(context, 1);
        int cycles = downSeconds == 1 ? 3 : 5;
        long downMillis = TimeUnit.SECONDS.toMillis(downSeconds);
        FakeAmiServer server = FakeAmiServer.start("dialplane", "s3cret",
                Integer.parseInt(context.getProperty("dialplane.ami.port")));
        Http admin = asAdmin();
        await("AMI is connected", () -> admin.get(COUNT).status() == 200);
        List<String> figures = new ArrayList<>();
        int threadsBefore;
        int threadsAfter;
        long amiRequests = 0;
        LoadDriver load = new LoadDriver(admin, 3, "ami");
        try {
            await("the load has written", () -> load.count(s -> s.ok() && "create".equals(s.kind())) >= 10);
            threadsBefore = threads();
            for (int cycle = 1; cycle <= cycles; cycle++) {
                server.suspend();
                long downUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(downMillis);
                int unavailable = 0;
                long slowest = 0;
                do {
                    long start = System.nanoTime();
                    Http.Response down = admin.get(COUNT);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    amiRequests++;
                    ContainerIT.assertProblem(down, 503);
                    assertTrue(down.toString(), down.header("Retry-After") != null);
                    assertTrue("answered in " + millis + " ms while AMI is down", millis < PROMPT_MILLIS);
                    unavailable++;
                    slowest = Math.max(slowest, millis);
                } while (System.nanoTime() < downUntil);
                long restarted = System.nanoTime();
                server.resume();
                await("AMI answers again", Duration.ofSeconds(20), () -> admin.get(COUNT).status() == 200);
                long backMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
                figures.add(String.format("cycle %d: %d x 503 (slowest %d ms), back after %d ms", cycle, unavailable,
                        slowest, backMillis));
                assertTrue(figures.toString(), backMillis < BACK_WITHIN_MILLIS);
            }
            threadsAfter = threads();
        } finally {
            load.close();
            server.close();
        }
        String summary = String.format("%d AMI requests while down; threads %d before, %d after; load %s; %s",
                amiRequests, threadsBefore, threadsAfter, load.summary(s -> true), figures);
        System.out.println("AmiOutageIT figures: " + summary);
        assertTrue("threads grew: " + summary, threadsAfter <= threadsBefore + THREAD_MARGIN);
        assertEquals("the ring group load failed: " + summary, List.of(), load.samples(s -> !s.ok()));
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
