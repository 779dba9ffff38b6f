package org.dialplane.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.dialplane.events.api.EventListener;
import org.dialplane.events.api.EventService;
import org.dialplane.events.api.EventSource;
import org.dialplane.events.api.PbxEvent;
import org.dialplane.events.api.Subscription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@link EventService}, behind {@code /pbxapi/events} too: turns AMI events and applies into events, keeps the
 * last ones in an {@link EventLog} and hands each to every subscription. Handing over never blocks (see
 * {@link Subscriber}), so a slow listener slows neither AMI nor the other listeners. Keeps its name: it is the
 * configuration PID.
 */
@Component(service = EventService.class)
@Designate(ocd = EventStream.Config.class)
public class EventStream implements EventService {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ObjectClassDefinition(name = "Dialplane event stream")
    public @interface Config {
        @AttributeDefinition(description = "Subscriptions (SSE clients and in-process listeners) at once; more answer 503")
        int max_clients() default 256;

        @AttributeDefinition(description = "Events a subscription may fall behind before it is closed")
        int client_backlog() default 1000;

        @AttributeDefinition(description = "Events kept for clients that reconnect with Last-Event-ID")
        int kept_events() default 5000;

        @AttributeDefinition(description = "Seconds between keep-alive comments on a quiet stream")
        int keepalive_seconds() default 15;
    }

    private final Config config;
    private final Clock clock;
    private final Ami ami;
    private final Function<Caller, Set<String>> extensionsOf;
    private final EventLog log;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<EventSource> sources = new CopyOnWriteArrayList<>();
    private final AtomicLong subscriptions = new AtomicLong();
    private final MessageWaiting messageWaiting = new MessageWaiting();
    private final Ami.Subscription amiEvents;
    private final ApplyChanges.Subscription applies;
    private boolean stopped;

    @Activate
    public EventStream(@Reference Ami ami, @Reference ApplyChanges applyChanges, @Reference Database database,
            Config config) {
        this(ami, applyChanges, extensionsOf(new Jdbc(database.pbx())), config, Clock.systemUTC());
    }

    /** @param extensionsOf a caller's extensions, or null for a global caller, who sees them all */
    EventStream(Ami ami, ApplyChanges applyChanges, Function<Caller, Set<String>> extensionsOf, Config config,
            Clock clock) {
        this.ami = ami;
        this.extensionsOf = concernsOf(extensionsOf);
        this.config = config;
        this.clock = clock;
        this.log = new EventLog(config.kept_events(), clock.millis());
        this.amiEvents = ami.subscribe(this::onAmiEvent);
        this.applies = applyChanges.subscribe(this::onApplied);
    }

    private static Function<Caller, Set<String>> extensionsOf(Jdbc db) {
        return caller -> Devices.extensionsOf(db, caller);
    }

    /** What a caller's subscription sees: its extensions and its tenant; null (everything) for a global caller. */
    private static Function<Caller, Set<String>> concernsOf(Function<Caller, Set<String>> extensionsOf) {
        return caller -> {
            Set<String> extensions = extensionsOf.apply(caller);
            if (extensions == null) {
                return null;
            }
            Set<String> concerns = new HashSet<>(extensions);
            concerns.add(tenantConcern(caller.tenantId()));
            return concerns;
        };
    }

    /** What an event published for a tenant concerns, beside extension numbers (which never hold a colon). */
    static String tenantConcern(long tenantId) {
        return "tenant:" + tenantId;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(EventSource source) {
        sources.add(source);
    }

    void removeSource(EventSource source) {
        sources.remove(source);
    }

    @Deactivate
    void stop() {
        amiEvents.close();
        applies.close();
        List<Subscriber> open;
        synchronized (this) {
            stopped = true;
            open = List.copyOf(subscribers);
            subscribers.clear();
        }
        open.forEach(subscriber -> subscriber.close("the event service stopped"));
    }

    /** This service's own types, then those of the registered sources. */
    @Override
    public Set<String> types() {
        if (sources.isEmpty()) {
            return PbxEvents.TYPES;
        }
        Set<String> types = new LinkedHashSet<>(PbxEvents.TYPES);
        for (EventSource source : sources) {
            types.addAll(source.types());
        }
        return Collections.unmodifiableSet(types);
    }

    @Override
    public void publish(String type, long tenantId, Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        if (PbxEvents.TYPES.contains(type) || !types().contains(type)) {
            throw new IllegalArgumentException("No registered EventSource declares the event type " + type);
        }
        Instant time = clock.instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("time", time.toString());
        data.forEach((name, value) -> {
            if (!"type".equals(name) && !"time".equals(name)) {
                fields.put(name, value);
            }
        });
        publish(new PbxEvents.Draft(type, time, fields, Set.of(tenantConcern(tenantId))));
    }

    /**
     * Registering and choosing what to replay happen under one lock with {@link #publish}: nothing is missed or
     * delivered twice.
     */
    @Override
    public Subscription subscribe(Set<String> types, Caller caller, String lastEventId, EventListener listener) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(listener, "listener");
        Set<String> wanted = known(types, types());
        Long after = number(lastEventId);
        ami.requireConnected();
        Subscriber subscriber = new Subscriber(listener, wanted, () -> extensionsOf.apply(caller),
                config.client_backlog(), Duration.ofSeconds(config.keepalive_seconds()));
        List<LoggedEvent> missed;
        synchronized (this) {
            if (stopped) {
                throw ApiException.unavailable("The event stream is stopping; try again later.", 2);
            }
            if (subscribers.size() >= config.max_clients()) {
                throw ApiException.unavailable("Too many event stream clients; try again later.", 10);
            }
            subscribers.add(subscriber);
            missed = after == null ? List.of() : log.after(after);
        }
        subscriber.start(missed, "dialplane-events-" + subscriptions.incrementAndGet(), () -> ended(subscriber));
        return subscriber;
    }

    @Override
    public List<PbxEvent> since(String lastEventId, Caller caller) {
        Objects.requireNonNull(caller, "caller");
        Long after = number(lastEventId);
        Set<String> extensions = extensionsOf.apply(caller); // before the lock: it reads the database
        List<LoggedEvent> kept;
        synchronized (this) {
            kept = log.after(after == null ? Long.MIN_VALUE : after);
        }
        return kept.stream().filter(event -> event.visibleTo(extensions)).map(LoggedEvent::event).toList();
    }

    /** Null for every type. */
    static Set<String> known(Set<String> types, Set<String> known) {
        if (types == null || types.isEmpty()) {
            return null;
        }
        for (String type : types) {
            if (!known.contains(type)) {
                throw ApiException.invalid(List.of(new Problem.FieldError("types", "unknown event type '"
                        + abbreviated(String.valueOf(type)) + "'; known: " + String.join(", ", known))));
            }
        }
        return Set.copyOf(types);
    }

    /** Null for none. */
    static Long number(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be the id of an event of this stream");
        }
    }

    /** An event's data as JSON, as clients receive it. */
    static String json(Map<String, Object> data) throws JsonProcessingException {
        return JSON.writeValueAsString(data);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Subscriptions open now, SSE clients ({@code sse} true) or in-process listeners: for {@link EventMetrics}. */
    synchronized long subscribers(boolean sse) {
        return subscribers.stream().filter(s -> s.isStream() == sse).count();
    }

    private synchronized void ended(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    private void onAmiEvent(AmiEvent event) {
        Instant time = clock.instant();
        PbxEvents.from(event, time).or(() -> messageWaiting.from(event, time)).ifPresent(this::publish);
    }

    private void onApplied(ApplyStatus status) {
        publish(PbxEvents.applied(status, clock.instant()));
    }

    private void publish(PbxEvents.Draft draft) {
        String json;
        try {
            json = json(draft.data());
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write a {} event as JSON", draft.type(), e);
            return;
        }
        synchronized (this) {
            LoggedEvent event = log.append(draft, json);
            for (Subscriber subscriber : subscribers) {
                subscriber.offer(event);
            }
        }
    }
}
