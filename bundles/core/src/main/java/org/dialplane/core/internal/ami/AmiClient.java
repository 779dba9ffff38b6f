package org.dialplane.core.internal.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiListener;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.internal.observe.RequestLogContext;
import org.dialplane.core.rest.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one AMI connection: logs in (MD5 challenge), reconnects with exponential backoff, runs actions with
 * timeouts on a bounded pool and hands events to {@link EventDispatcher}. While not connected every action
 * fails at once with a 503 whose Retry-After says when the next attempt is due. Usable without OSGi.
 */
public final class AmiClient implements Ami, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiClient.class);
    private static final int MAX_ACTIONS_IN_FLIGHT = 64;
    private static final int RETRY_AFTER_WHEN_DISABLED = 60;

    private final AmiSettings settings;
    /** Found at the first connection or action: 240 classes, not worth loading while AMI is not configured. */
    private final Supplier<Map<String, Class<? extends ManagerEvent>>> findEventClasses;
    private volatile Map<String, Class<? extends ManagerEvent>> eventClasses;
    private final EventDispatcher events = new EventDispatcher();
    private final ScheduledExecutorService supervisor = new ScheduledThreadPoolExecutor(1,
            Threads.named("dialplane-ami-connect"));
    private final ScheduledExecutorService timers = new ScheduledThreadPoolExecutor(1,
            Threads.named("dialplane-ami-timeouts"));
    private final ThreadPoolExecutor actions = new ThreadPoolExecutor(0, MAX_ACTIONS_IN_FLIGHT, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), Threads.named("dialplane-ami-actions"));

    private volatile AmiState state;
    private volatile Live live;
    private volatile long nextAttemptNanos;
    private volatile String lastError;
    private volatile boolean closed;
    private Duration backoff;

    /** A logged-in connection and the actions waiting on it. */
    private record Live(OwnedConnection connection, Set<CompletableFuture<AmiResponse>> inFlight) {
    }

    public AmiClient(AmiSettings settings, Map<String, Class<? extends ManagerEvent>> eventClasses) {
        this(settings, () -> eventClasses);
    }

    /** As {@link #AmiClient(AmiSettings, Map)}, the event classes found when first needed. */
    public AmiClient(AmiSettings settings, Supplier<Map<String, Class<? extends ManagerEvent>>> eventClasses) {
        this.settings = settings;
        this.findEventClasses = eventClasses;
        this.backoff = settings.backoffMin();
        this.state = settings.configured() ? AmiState.CONNECTING : AmiState.DISABLED;
    }

    public void start() {
        if (settings.configured()) {
            LOG.info("AMI: connecting to {}:{} as {}", settings.host(), settings.port(), settings.user());
            supervisor.execute(this::connect);
            long every = settings.keepAlive().toMillis();
            timers.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        } else {
            LOG.info("AMI: not configured (dialplane.ami.host is empty); AMI-backed calls answer 503");
        }
    }

    @Override
    public AmiState state() {
        return state;
    }

    /** Why the last connection attempt failed, or null. */
    public String lastError() {
        return lastError;
    }

    @Override
    public Subscription subscribe(AmiListener listener) {
        return events.subscribe(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public CompletionStage<AmiResponse> send(AmiAction action, Duration timeout) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
        Class<? extends ResponseEvent> completeEvent = completeEventClass(action);
        Live current = live;
        if (current == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        CompletableFuture<AmiResponse> result = new CompletableFuture<>();
        current.inFlight().add(result);
        ScheduledFuture<?> guard = timers.schedule(() -> result.completeExceptionally(timedOut(action, timeout)),
                timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        result.whenComplete((response, failure) -> {
            current.inFlight().remove(result);
            guard.cancel(false);
        });
        if (live != current) {
            // Lost while this action was being registered: lost() clears live before failing inFlight, so either
            // it saw this action or this check sees the loss. Sent anyway, it could wait out the timeout (504).
            result.completeExceptionally(notConnected());
            return result;
        }
        try {
            actions.execute(RequestLogContext.carry(() -> run(current, action, completeEvent, timeout, result)));
        } catch (RejectedExecutionException busy) {
            result.completeExceptionally(ApiException.unavailable(
                    "AMI is busy: " + MAX_ACTIONS_IN_FLIGHT + " actions are already waiting for Asterisk", 1));
        }
        return result;
    }

    private void run(Live current, AmiAction action, Class<? extends ResponseEvent> completeEvent,
            Duration timeout, CompletableFuture<AmiResponse> result) {
        GenericAction request = new GenericAction(action, completeEvent);
        long millis = Math.max(1, timeout.toMillis());
        try {
            AmiResponse response = completeEvent == null
                    ? Conversions.response(current.connection().sendAction(request, millis))
                    : Conversions.response(current.connection().sendEventGeneratingAction(request, millis),
                            completeEvent);
            result.complete(response);
        } catch (TimeoutException e) {
            result.completeExceptionally(timedOut(action, timeout));
        } catch (IOException | IllegalStateException e) {
            result.completeExceptionally(notConnected());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private Class<? extends ResponseEvent> completeEventClass(AmiAction action) {
        if (action.completeEvent() == null) {
            return null;
        }
        Class<? extends ManagerEvent> type = eventClasses().get(action.completeEvent().toLowerCase(Locale.ROOT));
        if (type == null || !ResponseEvent.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("no event list ends with '" + action.completeEvent() + "'");
        }
        return type.asSubclass(ResponseEvent.class);
    }

    private Map<String, Class<? extends ManagerEvent>> eventClasses() {
        Map<String, Class<? extends ManagerEvent>> found = eventClasses;
        if (found == null) {
            synchronized (findEventClasses) {
                found = eventClasses;
                if (found == null) {
                    found = Map.copyOf(findEventClasses.get());
                    eventClasses = found;
                }
            }
        }
        return found;
    }

    // ---- connection supervision (supervisor thread only) --------------------------------------------

    private void connect() {
        if (closed) {
            return;
        }
        state = AmiState.CONNECTING;
        OwnedConnection[] self = new OwnedConnection[1];
        OwnedConnection connection = new OwnedConnection(settings, () -> onSupervisor(() -> lost(self[0])));
        self[0] = connection;
        eventClasses().values().forEach(type -> register(connection, type));
        connection.addEventListener(this::onManagerEvent);
        try {
            connection.login();
        } catch (Exception | LinkageError e) {
            connection.abandon();
            retryLater(e);
            return;
        }
        if (closed) {
            connection.abandon();
            return;
        }
        live = new Live(connection, ConcurrentHashMap.newKeySet());
        state = AmiState.CONNECTED;
        lastError = null;
        backoff = settings.backoffMin();
        LOG.info("AMI: connected to {}:{} ({})", settings.host(), settings.port(), connection.getVersion());
    }

    private void retryLater(Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (!reason.equals(lastError)) {
            LOG.warn("AMI: cannot log in to {}:{}: {}; retrying with backoff up to {} s", settings.host(),
                    settings.port(), reason, settings.backoffMax().toSeconds());
        }
        lastError = reason;
        state = AmiState.DISCONNECTED;
        Duration delay = backoff;
        backoff = backoff.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax()
                : backoff.multipliedBy(2);
        nextAttemptNanos = System.nanoTime() + delay.toNanos();
        onSupervisorLater(this::connect, delay);
    }

    private void lost(OwnedConnection connection) {
        Live current = live;
        if (current == null || current.connection() != connection) {
            return; // a connection already discarded, or one that never logged in
        }
        live = null;
        state = AmiState.DISCONNECTED;
        lastError = "connection lost";
        LOG.warn("AMI: connection to {}:{} lost; reconnecting", settings.host(), settings.port());
        current.inFlight().forEach(waiting -> waiting.completeExceptionally(notConnected()));
        connection.abandon();
        backoff = settings.backoffMin();
        nextAttemptNanos = System.nanoTime() + backoff.toNanos();
        onSupervisorLater(this::connect, backoff);
    }

    /**
     * A Ping that goes unanswered means the connection is dead even when TCP has not noticed (a host that
     * vanished without closing its sockets): it is then dropped and reconnected like a closed one.
     */
    private void keepAlive() {
        Live current = live;
        if (current == null) {
            return;
        }
        send(AmiAction.of("Ping"), settings.connectTimeout()).whenComplete((pong, failure) -> {
            if (failure instanceof ApiException timeout && timeout.problem().status() == 504) {
                LOG.warn("AMI: no answer to a keep-alive Ping within {} ms", settings.connectTimeout().toMillis());
                onSupervisor(() -> lost(current.connection()));
            }
        });
    }

    private void onSupervisor(Runnable task) {
        try {
            supervisor.execute(task);
        } catch (RejectedExecutionException closing) {
            // the client is closing
        }
    }

    private void onSupervisorLater(Runnable task, Duration delay) {
        try {
            supervisor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the client is closing
        }
    }

    private static void register(OwnedConnection connection, Class<? extends ManagerEvent> type) {
        try {
            connection.registerUserEventClass(type);
        } catch (IllegalArgumentException notConstructible) {
            // asterisk-java cannot build this class from a message; it is not needed
        }
    }

    /** On the AMI reader thread: convert and enqueue only. */
    private void onManagerEvent(ManagerEvent event) {
        if (!(event instanceof ConnectEvent) && events.hasSubscribers()) {
            events.publish(Conversions.event(event));
        }
    }

    // ---- failures --------------------------------------------------------------------------------------

    private ApiException notConnected() {
        if (!settings.configured()) {
            return ApiException.unavailable("No PBX is attached: AMI is not configured.",
                    RETRY_AFTER_WHEN_DISABLED);
        }
        long wait = (nextAttemptNanos - System.nanoTime()) / 1_000_000_000L + 1;
        String why = lastError == null ? "" : " (" + lastError + ")";
        return ApiException.unavailable("AMI is not connected" + why + ".", (int) Math.max(1, wait));
    }

    private static ApiException timedOut(AmiAction action, Duration timeout) {
        return new ApiException(504, "Asterisk did not answer " + action.name() + " within " + timeout.toMillis()
                + " ms.");
    }

    @Override
    public void close() {
        closed = true;
        supervisor.shutdownNow();
        Live current = live;
        live = null;
        if (current != null) {
            current.inFlight().forEach(waiting -> waiting.completeExceptionally(notConnected()));
            try {
                current.connection().logoff();
            } catch (RuntimeException alreadyGone) {
                current.connection().abandon();
            }
        }
        actions.shutdownNow();
        timers.shutdownNow();
        events.close();
        state = settings.configured() ? AmiState.DISCONNECTED : AmiState.DISABLED;
    }
}
