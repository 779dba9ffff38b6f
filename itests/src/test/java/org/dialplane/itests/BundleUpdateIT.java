package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * A resource bundle (CDR) stopped, updated and started again, over and over, while the ring group load
 * ({@link LoadDriver}) runs: not one request to ring groups fails, and CDRs answer 200 again after each start.
 * {@code -Dfaults.seconds=N}: N cycles.
 */
public class BundleUpdateIT extends DialplaneTestSupport {
    private static final String CDRS = "/pbxapi/cdrs?limit=1";

    @Override
    protected Option options() {
        return composite(database("BundleUpdateIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"),
                frameworkProperty(ProxiedDatabase.FAULT_SECONDS).value(System.getProperty(
                        ProxiedDatabase.FAULT_SECONDS, "")));
    }

    @Test
    public void whenCdrBundleUpdatedUnderLoad_thenNoRingGroupRequestFails() throws Exception {
        int cycles = ProxiedDatabase.faultSeconds(context, 3);
        Http admin = asAdmin();
        await("CDRs answer", () -> admin.get(CDRS).status() == 200);
        Bundle cdr = bundle("org.dialplane.cdr");
        long first;
        long last;
        long slowestBackMillis = 0;
        LoadDriver load = new LoadDriver(admin, 4, "update");
        try {
            await("the load has written", () -> load.count(s -> s.ok() && "create".equals(s.kind())) >= 10);
            first = System.nanoTime();
            for (int cycle = 0; cycle < cycles; cycle++) {
                cdr.stop();
                await("CDRs are gone", () -> admin.get(CDRS).status() != 200);
                cdr.update();
                long started = System.nanoTime();
                cdr.start();
                await("CDRs answer again", Duration.ofSeconds(30), () -> admin.get(CDRS).status() == 200);
                slowestBackMillis = Math.max(slowestBackMillis,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            last = System.nanoTime();
            long settled = last;
            await("the load runs on", () -> load.count(s -> s.sent() > settled && s.ok()) >= 10);
        } finally {
            load.close();
        }
        String figures = String.format("%d updates; %d ring group requests during them %s, %d in all %s; CDRs back"
                + " after at most %d ms", cycles, load.count(s -> s.overlaps(first, last)),
                load.summary(s -> s.overlaps(first, last)), load.samples().size(), load.summary(s -> true),
                slowestBackMillis);
        System.out.println("BundleUpdateIT figures: " + figures);
        assertEquals(figures, List.of(), load.samples(s -> !s.ok()));
        assertTrue(figures, load.count(s -> s.overlaps(first, last)) > 0);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
