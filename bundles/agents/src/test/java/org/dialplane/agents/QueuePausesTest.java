package org.dialplane.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.dialplane.agents.api.AgentMembership;
import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiListener;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

/** What QueuePauses sends to AMI for a pause, against a scripted {@link Ami}. */
class QueuePausesTest {
    private final List<AmiAction> sent = new ArrayList<>();
    private Function<AmiAction, AmiResponse> pauseAnswer = action -> answer(true, "Interface paused successfully");

    /** 402 is a static member of 281 (Local channel) and a dynamic one of 282; 500 is in 281. */
    private final Ami ami = new Ami() {
        @Override
        public AmiState state() {
            return AmiState.CONNECTED;
        }

        @Override
        public CompletionStage<AmiResponse> send(AmiAction action, Duration timeout) {
            sent.add(action);
            if (action.name().equals("QueueStatus")) {
                String queue = field(action, "Queue");
                List<AmiEvent> events = new ArrayList<>();
                for (String[] member : new String[][] {{"281", "Local/402@from-queue/n"}, {"281", "SIP/500"},
                        {"282", "SIP/402"}}) {
                    if (queue == null || queue.equals(member[0])) {
                        events.add(new AmiEvent("QueueMember", Map.of("Queue", member[0], "Location", member[1])));
                    }
                }
                return CompletableFuture.completedFuture(
                        new AmiResponse(true, "Queue status will follow", Map.of(), List.of(), events, null));
            }
            return CompletableFuture.completedFuture(pauseAnswer.apply(action));
        }

        @Override
        public Subscription subscribe(AmiListener listener) {
            return () -> { };
        }
    };
    private final QueuePauses service = new QueuePauses(ami);

    @Test
    void whenPausedInOneQueue_thenTheMembersOwnInterfaceIsSentThere() {
        List<AgentMembership> paused = service.pause("402", true, new PauseRequest("281", "Breakfast"));

        assertEquals(List.of(new AgentMembership("402", "281", "Local/402@from-queue/n", true, "Breakfast")), paused);
        assertEquals("281", field(sent.get(0), "Queue"));
        List<AmiAction> pauses = pauses();
        assertEquals(1, pauses.size());
        assertEquals("Local/402@from-queue/n", field(pauses.get(0), "Interface"));
        assertEquals("281", field(pauses.get(0), "Queue"));
        assertEquals("true", field(pauses.get(0), "Paused"));
        assertEquals("Breakfast", field(pauses.get(0), "Reason"));
    }

    @Test
    void whenPausedWithoutAQueue_thenEveryMembershipIsPausedInItsQueue() {
        List<AgentMembership> unpaused = service.pause("402", false, new PauseRequest(null, null));

        assertEquals(2, unpaused.size());
        assertEquals(null, field(sent.get(0), "Queue"));
        assertEquals(List.of("281 Local/402@from-queue/n false", "282 SIP/402 false"), pauses().stream()
                .map(a -> field(a, "Queue") + " " + field(a, "Interface") + " " + field(a, "Paused")).toList());
        assertTrue(pauses().stream().allMatch(action -> field(action, "Reason") == null));
    }

    @Test
    void whenNoMembership_then404AndNothingIsPaused() {
        ApiException none = assertThrows(ApiException.class,
                () -> service.pause("403", true, new PauseRequest(null, null)));
        assertEquals(404, none.problem().status());
        assertTrue(none.problem().detail().contains("any queue"), none.problem().detail());
        ApiException notThere = assertThrows(ApiException.class,
                () -> service.pause("500", true, new PauseRequest("282", null)));
        assertEquals(404, notThere.problem().status());
        assertTrue(notThere.problem().detail().contains("queue 282"), notThere.problem().detail());
        assertTrue(pauses().isEmpty());
    }

    @Test
    void whenAsteriskRefuses_then502SayingWhatWasAlreadyDone() {
        pauseAnswer = action -> "282".equals(field(action, "Queue")) ? answer(false, "Interface not found")
                : answer(true, "Interface paused successfully");
        ApiException refused = assertThrows(ApiException.class,
                () -> service.pause("402", true, new PauseRequest(null, null)));
        assertEquals(502, refused.problem().status());
        String detail = refused.problem().detail();
        assertTrue(detail.contains("SIP/402 in queue 282: Interface not found"), detail);
        assertTrue(detail.contains("already done in queue(s) [281]"), detail);
    }

    private List<AmiAction> pauses() {
        return sent.stream().filter(action -> action.name().equals("QueuePause")).toList();
    }

    private static AmiResponse answer(boolean success, String message) {
        return new AmiResponse(success, message, Map.of(), List.of(), List.of(), null);
    }

    private static String field(AmiAction action, String name) {
        return action.fields().stream().filter(field -> field.getKey().equals(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
