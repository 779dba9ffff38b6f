package org.dialplane.core.internal.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiListener;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.pbx.AstDbChanges;
import org.junit.jupiter.api.Test;

class AstDbServiceTest {

    /** An AMI that answers only when told to, counting the actions waiting for an answer. */
    private static final class HeldAmi implements Ami {
        final List<CompletableFuture<AmiResponse>> waiting = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        int mostInFlight;
        boolean refuse;

        @Override
        public AmiState state() {
            return AmiState.CONNECTED;
        }

        @Override
        public synchronized CompletionStage<AmiResponse> send(AmiAction action, Duration timeout) {
            sent.add(action.name() + " " + action.fields().stream().filter(f -> f.getKey().equals("Key"))
                    .map(f -> f.getValue()).findFirst().orElse(""));
            if (refuse) {
                return CompletableFuture.failedFuture(new IllegalStateException("AMI is busy"));
            }
            CompletableFuture<AmiResponse> answer = new CompletableFuture<>();
            waiting.add(answer);
            mostInFlight = Math.max(mostInFlight, (int) waiting.stream().filter(f -> !f.isDone()).count());
            return answer;
        }

        void answerAll() {
            for (int i = 0; i < waiting.size(); i++) { // answering one sends the next, which is added here
                waiting.get(i).complete(null);
            }
        }

        @Override
        public Subscription subscribe(AmiListener listener) {
            return () -> { };
        }
    }

    private static AstDbService with(Ami ami) throws ReflectiveOperationException {
        AstDbService service = new AstDbService();
        var field = AstDbService.class.getDeclaredField("ami");
        field.setAccessible(true);
        field.set(service, ami);
        return service;
    }

    @Test
    void whenBulkDeletePushed_thenOneActionInFlightAtATimeInTheirOrder() throws Exception {
        HeldAmi ami = new HeldAmi();
        AstDbChanges changes = new AstDbChanges();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            changes.deleteTree("RINGGROUP", Integer.toString(600 + i));
            expected.add("DBDelTree " + (600 + i));
        }
        changes.put("RINGGROUP", "600/changecid", "default");
        expected.add("DBPut 600/changecid");

        with(ami).push(changes);
        assertEquals(1, ami.sent.size(), "only the first is sent before it is answered");
        ami.answerAll();

        assertEquals(expected, ami.sent);
        assertEquals(1, ami.mostInFlight);
    }

    @Test
    void whenADeleteFollowsAnotherWritesPuts_thenItWaitsBehindThem() throws Exception {
        HeldAmi ami = new HeldAmi();
        AstDbService service = with(ami);
        AstDbChanges created = new AstDbChanges();
        for (int i = 0; i < 25; i++) {
            created.put("AMPUSER", "98074/key" + i, "v");
        }
        service.push(created);
        service.push(new AstDbChanges().deleteTree("AMPUSER", "98074"));
        ami.answerAll();

        assertEquals(26, ami.sent.size());
        assertEquals("DBDelTree 98074", ami.sent.get(25));
        assertEquals(1, ami.mostInFlight);
    }

    @Test
    void whenEveryActionRefusedAtOnce_thenEachTriedWithoutDeepRecursion() throws Exception {
        HeldAmi ami = new HeldAmi();
        ami.refuse = true;
        AstDbChanges changes = new AstDbChanges();
        for (int i = 0; i < 50_000; i++) {
            changes.deleteTree("RINGGROUP", Integer.toString(i));
        }

        with(ami).push(changes);

        assertEquals(50_000, ami.sent.size());
    }
}
