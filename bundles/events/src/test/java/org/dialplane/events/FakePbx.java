package org.dialplane.events;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiListener;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyListener;
import org.dialplane.core.apply.ApplyStatus;

/**
 * AMI and applies for {@link EventStream}'s tests: events are told synchronously on the test's thread, as core's
 * worker thread would tell them, so a test sees at once whether telling one ever blocks.
 */
final class FakePbx implements Ami, ApplyChanges {
    private final List<AmiListener> amiListeners = new CopyOnWriteArrayList<>();
    private final List<ApplyListener> applyListeners = new CopyOnWriteArrayList<>();
    volatile AmiState state = AmiState.CONNECTED;

    /** A call from {@code extension}'s phone starting, with {@code uniqueid}. */
    void callStarted(String extension, String uniqueid) {
        AmiEvent event = new AmiEvent("Newchannel", Map.of("Channel", "SIP/" + extension + "-" + uniqueid,
                "Uniqueid", uniqueid, "CallerIDNum", extension));
        amiListeners.forEach(listener -> listener.onEvent(event));
    }

    void hangup(String extension, String uniqueid) {
        AmiEvent event = new AmiEvent("Hangup", Map.of("Channel", "SIP/" + extension + "-" + uniqueid,
                "Uniqueid", uniqueid, "CallerIDNum", extension, "Cause", "16"));
        amiListeners.forEach(listener -> listener.onEvent(event));
    }

    void applied() {
        ApplyStatus status = new ApplyStatus(false, false, "ami-reload", 1, 1, Instant.EPOCH, Instant.EPOCH,
                "success", null, null);
        applyListeners.forEach(listener -> listener.applied(status));
    }

    int subscribers() {
        return amiListeners.size() + applyListeners.size();
    }

    @Override
    public AmiState state() {
        return state;
    }

    @Override
    public CompletionStage<AmiResponse> send(AmiAction action, Duration timeout) {
        throw new UnsupportedOperationException("the event stream sends no actions");
    }

    @Override
    public Ami.Subscription subscribe(AmiListener listener) {
        amiListeners.add(listener);
        return () -> amiListeners.remove(listener);
    }

    @Override
    public void request(String reason) {
    }

    @Override
    public ApplyStatus status() {
        return null;
    }

    @Override
    public ApplyChanges.Subscription subscribe(ApplyListener listener) {
        applyListeners.add(listener);
        return () -> applyListeners.remove(listener);
    }

    static EventStream.Config config(int maxClients, int backlog, int kept) {
        return new EventStream.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EventStream.Config.class;
            }

            @Override
            public int max_clients() {
                return maxClients;
            }

            @Override
            public int client_backlog() {
                return backlog;
            }

            @Override
            public int kept_events() {
                return kept;
            }

            @Override
            public int keepalive_seconds() {
                return 15;
            }
        };
    }
}
