package org.dialplane.core.internal.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplySchedulerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void whenHundredRequestsComeInABurst_thenOneApply(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("applied.log");
        String command = "/bin/sh -c 'echo applied >> \"" + log + "\"'";
        try (ApplyScheduler scheduler = new ApplyScheduler(new CommandApplier(command, Duration.ofSeconds(10)),
                Duration.ofMillis(200), Duration.ofSeconds(5))) {
            for (int i = 0; i < 100; i++) {
                scheduler.request("write " + i);
            }
            assertTrue(scheduler.status().pending());
            await(() -> scheduler.status().runs() == 1 && !scheduler.status().pending(), "one apply");
            ApplyStatus status = scheduler.status();
            assertEquals(100, status.requests());
            assertEquals("success", status.lastResult());
            assertEquals("command", status.method());
            assertEquals(1, Files.readAllLines(log).size());
        }
    }

    @Test
    void whenRequestsComeInASteadyStream_thenAppliedWithinTheMaximumDelay() throws Exception {
        AtomicInteger applies = new AtomicInteger();
        try (ApplyScheduler scheduler = new ApplyScheduler(counting(applies), Duration.ofMillis(300),
                Duration.ofMillis(600))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (applies.get() == 0 && System.nanoTime() < deadline) {
                scheduler.request("keeps writing"); // never quiet for 300 ms
                Thread.sleep(50);
            }
            assertTrue(applies.get() >= 1, "applied although requests never stopped");
        }
    }

    @Test
    void whenCommandFails_thenTheFailureIsVisibleInTheStatus() throws Exception {
        try (ApplyScheduler scheduler = new ApplyScheduler(
                new CommandApplier("/bin/sh -c 'echo broken config >&2; exit 3'", Duration.ofSeconds(10)),
                Duration.ofMillis(50), Duration.ofSeconds(1))) {
            scheduler.request("test");
            await(() -> scheduler.status().runs() == 1, "the apply");
            ApplyStatus status = scheduler.status();
            assertEquals("failure", status.lastResult());
            assertEquals("/bin/sh exited with 3", status.lastError());
            assertEquals("broken config", status.lastOutput());
            assertFalse(status.pending());
        }
    }

    @Test
    void whenProgramIsMissing_thenAFailureNotACrash() throws Exception {
        try (ApplyScheduler scheduler = new ApplyScheduler(
                new CommandApplier("/nonexistent/amportal a r", Duration.ofSeconds(10)), Duration.ofMillis(50),
                Duration.ofSeconds(1))) {
            scheduler.request("test");
            await(() -> scheduler.status().runs() == 1, "the apply");
            assertTrue(scheduler.status().lastError().startsWith("cannot run /nonexistent/amportal"));
        }
    }

    @Test
    void whenCommandHangs_thenItIsKilledAtItsTimeout() throws Exception {
        try (ApplyScheduler scheduler = new ApplyScheduler(new CommandApplier("sleep 30", Duration.ofMillis(300)),
                Duration.ofMillis(10), Duration.ofSeconds(1))) {
            scheduler.request("test");
            await(() -> scheduler.status().runs() == 1, "the apply to time out");
            assertEquals("failure", scheduler.status().lastResult());
            assertTrue(scheduler.status().lastError().contains("did not finish"));
        }
    }

    @Test
    void whenNothingRequested_thenNothingHasRun() {
        try (ApplyScheduler scheduler = new ApplyScheduler(counting(new AtomicInteger()), Duration.ofMillis(10),
                Duration.ofMillis(10))) {
            ApplyStatus status = scheduler.status();
            assertFalse(status.pending());
            assertEquals(0, status.runs());
            assertNull(status.lastRun());
        }
    }

    @Test
    void whenListenerSubscribed_thenItHearsOfEachApplyUntilItUnsubscribes() throws Exception {
        List<ApplyStatus> heard = new CopyOnWriteArrayList<>();
        try (ApplyScheduler scheduler = new ApplyScheduler(counting(new AtomicInteger()), Duration.ofMillis(10),
                Duration.ofMillis(100))) {
            ApplyChanges.Subscription subscription = scheduler.subscribe(heard::add);
            scheduler.subscribe(status -> {
                throw new IllegalStateException("a broken listener does not stop the others");
            });
            scheduler.request("first");
            await(() -> heard.size() == 1, "the first apply to be heard");
            assertEquals("success", heard.get(0).lastResult());
            assertEquals(1, heard.get(0).runs());
            assertFalse(heard.get(0).running());

            subscription.close();
            scheduler.request("second");
            await(() -> scheduler.status().runs() == 2, "the second apply");
            assertEquals(1, heard.size());
        }
    }

    private static Applier counting(AtomicInteger applies) {
        return new Applier() {
            @Override
            public String method() {
                return "test";
            }

            @Override
            public Outcome apply() {
                applies.incrementAndGet();
                return Outcome.success("");
            }
        };
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
