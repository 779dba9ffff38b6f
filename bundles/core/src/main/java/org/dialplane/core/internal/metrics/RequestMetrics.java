package org.dialplane.core.internal.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.dialplane.core.internal.observe.JettyRequestLog;
import org.dialplane.core.internal.observe.RequestRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code http_server_requests_seconds}: every request by method, route template ({@code uri}, as Spring and most
 * Grafana dashboards name it; {@code unmatched} when no resource matched, so that scanners cannot make a series per
 * path), status and outcome, as a histogram with fixed buckets from 1 ms to 10 s. Recorded from Jetty's request log,
 * so every bundle's resources are measured without a line of their code.
 */
@Component(immediate = true, configurationPid = MetricsResource.PID)
public class RequestMetrics implements Consumer<RequestRecord> {
    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    /** In {@code etc/org.dialplane.metrics.cfg}, with the scrape token. */
    @interface Config {
        /** {@code false}: no request metrics (the other meters stay); to measure what they cost. */
        boolean requests() default true;
    }

    /**
     * A timer's tags. Not a record: a record's hashCode goes through its generated bootstrap on every call, which was
     * most of the metrics' cost per request in the profile; this one hashes once, and the route is the same String
     * instance for every request of a route ({@code RouteRecorder}), so equals rarely reads characters.
     */
    private static final class Key {
        private final String method;
        private final String uri;
        private final int status;
        private final int hash;

        Key(String method, String uri, int status) {
            this.method = method;
            this.uri = uri;
            this.status = status;
            this.hash = (method.hashCode() * 31 + uri.hashCode()) * 31 + status;
        }

        String method() {
            return method;
        }

        String uri() {
            return uri;
        }

        int status() {
            return status;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && that.hash == hash && that.status == status
                    && that.uri.equals(uri) && that.method.equals(method);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final MeterRegistry registry;
    /** The timers met so far: one map read per request instead of Micrometer's builder and its lookups. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    @Activate
    public RequestMetrics(@Reference PrometheusMetrics metrics, Config config) {
        this.registry = metrics.registry();
        if (config.requests()) {
            JettyRequestLog.listen(this);
        }
    }

    @Deactivate
    void deactivate() {
        JettyRequestLog.unlisten(this);
    }

    @Override
    public void accept(RequestRecord record) {
        String method = METHODS.contains(record.method()) ? record.method() : "OTHER";
        Key key = new Key(method, record.route() == null ? UNMATCHED : record.route(), record.status());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::timer);
        }
        timer.record(record.nanos(), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME).description("HTTP requests answered, by route template")
                .tag("method", key.method()).tag("uri", key.uri()).tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status())).serviceLevelObjectives(BUCKETS).register(registry);
    }

    static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
