package org.dialplane.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The stream behind {@code /pbxapi/events}: turns AMI events and applies into {@link PbxEvent}s, keeps the last
 * ones in an {@link EventLog} and hands each to every client. Handing over never blocks (see {@link EventClient}),
 * so a slow client slows neither AMI nor the other clients.
 */
@Component(service = EventStream.class)
@Designate(ocd = EventStream.Config.class)
public class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ObjectClassDefinition(name = "Dialplane event stream")
    public @interface Config {
        @AttributeDefinition(description = "Clients connected at once; more answer 503")
        int max_clients() default 256;

        @AttributeDefinition(description = "Events a client may fall behind before it is disconnected")
        int client_backlog() default 1000;

        @AttributeDefinition(description = "Events kept for clients that reconnect with Last-Event-ID")
        int kept_events() default 5000;

        @AttributeDefinition(description = "Seconds between keep-alive comments on a quiet stream")
        int keepalive_seconds() default 15;
    }

    private final Config config;
    private final Clock clock = Clock.systemUTC();
    private final EventLog log;
    private final List<EventClient> clients = new ArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private final Ami.Subscription amiEvents;
    private final ApplyChanges.Subscription applies;

    @Activate
    public EventStream(@Reference Ami ami, @Reference ApplyChanges applyChanges, Config config) {
        this.config = config;
        this.log = new EventLog(config.kept_events(), clock.millis());
        this.amiEvents = ami.subscribe(this::onAmiEvent);
        this.applies = applyChanges.subscribe(this::onApplied);
    }

    @Deactivate
    void stop() {
        amiEvents.close();
        applies.close();
        List<EventClient> connected;
        synchronized (this) {
            connected = List.copyOf(clients);
            clients.clear();
        }
        connected.forEach(EventClient::close);
    }

    /**
     * Connects a client that wants {@code types} (null: all) and sees {@code extensions} (null: all); with {@code lastEventId} it first gets the kept events after that one. Registering and
     * choosing what to replay happen under one lock with {@link #publish}: nothing is missed or sent twice.
     */
    void connect(SseEventSink sink, Sse sse, Set<String> types, Supplier<Set<String>> extensions, Long lastEventId) {
        EventClient client = new EventClient(sink, sse, types, extensions, config.client_backlog(),
                Duration.ofSeconds(config.keepalive_seconds()));
        List<PbxEvent> missed;
        synchronized (this) {
            if (clients.size() >= config.max_clients()) {
                throw ApiException.unavailable("Too many event stream clients; try again later.", 10);
            }
            clients.add(client);
            missed = lastEventId == null ? List.of() : log.after(lastEventId);
        }
        client.start(missed, "dialplane-events-" + connections.incrementAndGet(), () -> disconnected(client));
    }

    private synchronized void disconnected(EventClient client) {
        clients.remove(client);
    }

    private void onAmiEvent(AmiEvent event) {
        PbxEvents.from(event, clock.instant()).ifPresent(this::publish);
    }

    private void onApplied(ApplyStatus status) {
        publish(PbxEvents.applied(status, clock.instant()));
    }

    private void publish(PbxEvent.Draft draft) {
        String json;
        try {
            json = JSON.writeValueAsString(draft.data());
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write a {} event as JSON", draft.type(), e);
            return;
        }
        synchronized (this) {
            PbxEvent event = log.append(draft.type(), json, draft.concerns());
            for (EventClient client : clients) {
                client.offer(event);
            }
        }
    }
}
