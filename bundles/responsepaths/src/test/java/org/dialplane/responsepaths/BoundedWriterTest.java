package org.dialplane.responsepaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BoundedWriterTest {

    @Test
    void whenTheQueueIsFull_thenTheNextTaskIsRefusedAtOnceAndCounted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (BoundedWriter writer = new BoundedWriter(2, "test-writer")) {
            assertTrue(writer.offer(() -> {
                started.countDown();
                await(release);
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(writer.offer(() -> ran.add(1)));
            assertTrue(writer.offer(() -> ran.add(2)));

            long start = System.nanoTime();
            assertFalse(writer.offer(() -> ran.add(3)));
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100));
            assertEquals(1, writer.refused());

            release.countDown();
            assertEquals(0, writer.close(Duration.ofSeconds(5)));
        }
        assertEquals(List.of(1, 2), ran);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
