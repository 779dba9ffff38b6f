package org.dialplane.core.internal.metrics;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one meter registry of the container, in Prometheus's format, with the JVM's meters (heap and other memory
 * pools, GC pauses, threads, classes, CPU, open files, uptime). It is registered as a Micrometer
 * {@link MeterRegistry} service: a bundle that wants meters of its own references that service and adds them
 * (removing them when it stops); nothing of core's API is involved.
 */
@Component(service = PrometheusMetrics.class, immediate = true)
public class PrometheusMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ServiceRegistration<MeterRegistry> registration;

    @Activate
    public PrometheusMetrics(BundleContext context) {
        JvmGcMetrics gc = new JvmGcMetrics();
        closeables.add(gc);
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new FileDescriptorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("dialplane.metrics.format", "prometheus");
        registration = context.registerService(MeterRegistry.class, registry, properties);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Every meter, in Prometheus's text format (0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // core is stopping: the framework unregistered it already
        }
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // a listener that could not be removed goes with the registry
            }
        }
        registry.close();
    }
}
