package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The database killed under a write-heavy load ({@link LoadDriver}) and given back: every connection to it cut at
 * once, new ones refused, as when MariaDB dies (the product reaches it through a {@link TcpProxy}). While it is
 * away, every request that does not succeed answers 503 with Retry-After (those in flight at the cut included),
 * never a 500; once it is back, writes succeed again within 5 s; every create answered 2xx is there afterwards.
 * {@code -Dfaults.seconds=N} makes the outage N seconds and the load around it 2N (the README's long run).
 */
public class DatabaseOutageIT extends DialplaneTestSupport {
    private static final long BACK_WITHIN_MILLIS = 5_000;
    private static final int CLIENTS = 4;

    @Override
    protected Option options() {
        return composite(ProxiedDatabase.options("DatabaseOutageIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Override
    public void awaitApi() {
        http = new Http(port());
        try {
            ProxiedDatabase.open(context);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        await("health up", Duration.ofSeconds(60), () -> http.get("/pbxapi/system/health").status() == 200);
    }

    @Test
    public void whenDatabaseKilledUnderLoad_thenOnly503WhileAwayAndBackWithin5sAndNothingLost() throws Exception {
        int outageSeconds = ProxiedDatabase.faultSeconds(context, 3);
        Http admin = asAdmin();
        TcpProxy proxy = ProxiedDatabase.open(context);
        long cut;
        long back;
        LoadDriver load = new LoadDriver(admin, CLIENTS, "outage");
        try {
            await("the load has written", () -> load.count(s -> s.ok() && "create".equals(s.kind())) >= 20);
            sleepUnderLoad(outageSeconds);
            cut = System.nanoTime();
            proxy.close();
            await("requests fail while the database is away", () -> load.count(s -> s.sent() > cut && !s.ok()) >= 4);
            sleepUnderLoad(outageSeconds);
            back = System.nanoTime();
            proxy.open();
            await("a write succeeds after the database is back", Duration.ofSeconds(30),
                    () -> load.count(s -> s.sent() > back && s.ok() && !"read".equals(s.kind())) > 0);
            sleepUnderLoad(outageSeconds);
        } finally {
            load.close();
        }

        List<LoadDriver.Sample> during = load.samples(s -> s.overlaps(cut, back));
        List<LoadDriver.Sample> wrong = new ArrayList<>();
        for (LoadDriver.Sample sample : during) {
            if (!sample.ok() && (sample.status() != 503 || sample.retryAfter() == null)) {
                wrong.add(sample);
            }
        }
        long firstWriteBack = load.samples(s -> s.sent() > back && s.ok() && !"read".equals(s.kind())).stream()
                .mapToLong(LoadDriver.Sample::answered).min().orElseThrow();
        long backMillis = TimeUnit.NANOSECONDS.toMillis(firstWriteBack - back);
        List<String> lost = new ArrayList<>();
        List<String> created = load.acknowledgedCreates();
        for (String path : created) {
            if (admin.get(path).status() != 200) {
                lost.add(path);
            }
        }
        String figures = String.format("outage %d s: %d requests in all %s; during the outage %d %s; "
                + "writes back after %d ms; %d creates acknowledged, %d lost", outageSeconds, load.samples().size(),
                load.summary(s -> true), during.size(), load.summary(s -> s.overlaps(cut, back)), backMillis,
                created.size(), lost.size());
        System.out.println("DatabaseOutageIT figures: " + figures);
        assertTrue("only 503 with Retry-After while the database is away: " + wrong + "\n" + figures,
                wrong.isEmpty());
        assertEquals("acknowledged creates missing: " + lost + "\n" + figures, List.of(), lost);
        assertTrue(figures, backMillis < BACK_WITHIN_MILLIS);
        assertTrue("the load kept running: " + figures, load.count(s -> s.sent() > back && s.ok()) > 0);
    }

    /** Lets the load run on for a while: the time a fault lasts, not a wait for a condition. */
    private static void sleepUnderLoad(int seconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    }
}
