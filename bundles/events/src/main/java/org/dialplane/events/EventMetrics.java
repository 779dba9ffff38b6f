package org.dialplane.events;

import java.util.List;

import org.dialplane.events.api.EventService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code dialplane_events_subscribers{kind="sse"|"listener"}}: the event stream's open subscriptions, added to the
 * meter registry core registers as a service, as any bundle adds its own meters (and removes them when it stops).
 */
@Component(immediate = true)
public class EventMetrics {
    private final MeterRegistry registry;
    private final List<Meter> gauges;

    @Activate
    public EventMetrics(@Reference MeterRegistry registry,
            @Reference(target = "(component.name=org.dialplane.events.EventStream)") EventService events) {
        this.registry = registry;
        EventStream stream = (EventStream) events;
        this.gauges = List.of(gauge(stream, "sse", true), gauge(stream, "listener", false));
    }

    private Meter gauge(EventStream stream, String kind, boolean sse) {
        return Gauge.builder("dialplane.events.subscribers", stream, s -> s.subscribers(sse))
                .description("Open event stream subscriptions: SSE clients and in-process listeners")
                .tag("kind", kind).register(registry);
    }

    @Deactivate
    void deactivate() {
        gauges.forEach(registry::remove);
    }
}
