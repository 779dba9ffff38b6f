package org.dialplane.core.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestLogContextTest {
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        MDC.clear();
        other.shutdownNow();
    }

    @Test
    void whenCarriedToAnotherThread_thenTheTaskSeesTheIdAndTheThreadKeepsNone() throws Exception {
        MDC.put(RequestIds.MDC_KEY, "req-1");
        CompletableFuture<String> seen = new CompletableFuture<>();
        other.execute(RequestLogContext.carry(() -> seen.complete(RequestLogContext.currentRequestId())));

        assertEquals("req-1", seen.get(5, TimeUnit.SECONDS));
        assertNull(other.submit(RequestLogContext::currentRequestId).get(5, TimeUnit.SECONDS), "cleared after");
    }

    @Test
    void whenNoRequestId_thenTheTaskIsRunAsIs() {
        Runnable task = () -> { };
        assertSame(task, RequestLogContext.carry(task));
    }

    @Test
    void whenRunForABurst_thenTheFirstIdsCommaSeparatedAndThePreviousContextBack() {
        MDC.put("other", "kept");
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> "r" + i).toList();
        String[] seen = new String[1];
        RequestLogContext.runFor(ids, () -> seen[0] = RequestLogContext.currentRequestId());

        assertEquals("r0,r1,r2,r3,r4,r5,r6,r7", seen[0]);
        assertNull(RequestLogContext.currentRequestId());
        assertEquals("kept", MDC.get("other"));
    }

    @Test
    void whenTheTaskFails_thenTheIdIsRemovedAnyway() {
        assertThrows(IllegalStateException.class, () -> RequestLogContext.runFor(List.of("r1"), () -> {
            throw new IllegalStateException("boom");
        }));
        assertNull(RequestLogContext.currentRequestId());
    }
}
