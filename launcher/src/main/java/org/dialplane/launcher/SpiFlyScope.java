package org.dialplane.launcher;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.hooks.bundle.EventHook;
import org.osgi.framework.hooks.bundle.FindHook;

/**
 * Keeps SPI Fly (the OSGi service loader mediator) away from the bundles it need not rewrite, by hiding them from
 * SPI Fly's own bundle trackers with the framework's bundle hooks.
 * <p>
 * Why: SPI Fly rewrites every class of a bundle that asks for service-loader mediation, through ASM with frame
 * computation, to find the few {@code ServiceLoader.load} calls it redirects. Felix HTTP's Jetty bundle asks for it
 * (optionally) for its HTTP/2 field encoder (HPACK) and the ALPN processors of HTTP/2 over TLS; at start that
 * rewriting was 12% of the JVM's sampled Java CPU (JFR of six used-home starts), on the framework's start thread
 * and on the first requests. Dialplane configures no HTTP/2 connector, and Jetty adds its HTTP/1.0 and HTTP/1.1
 * encoders itself when the service loader finds none ({@code PreEncodedHttpField}), so Jetty loses nothing. Measured
 * with bench/start-cpu.sh: 3.60 s of CPU per used-home start before, 2.99 s after (medians of 5, alternated). The bundles that need the mediation (slf4j
 * finding logback, the Jakarta-RS whiteboard's runtime delegate) are still served.
 * <p>
 * Only possible with SPI Fly installed as a bundle: as a framework extension it would run with the system bundle's
 * context, which no hook may hide bundles from.
 */
final class SpiFlyScope implements FindHook, EventHook {
    static final String SPI_FLY = "org.apache.aries.spifly.dynamic.bundle";
    /** Bundles that SPI Fly must not see, each with the reason. */
    static final Map<String, String> HIDDEN = Map.of("org.apache.felix.http.jetty12",
            "only HTTP/2 and ALPN providers are loaded through it; HTTP/1.1 has a built-in fallback");

    private SpiFlyScope() {
    }

    /** Registers the hooks; before any bundle starts, so that SPI Fly never tracks the hidden bundles. */
    static void install(BundleContext systemContext) {
        SpiFlyScope scope = new SpiFlyScope();
        systemContext.registerService(new String[] {FindHook.class.getName(), EventHook.class.getName()}, scope,
                null);
    }

    static boolean hiddenFrom(Bundle observer, Bundle observed) {
        return observer != null && SPI_FLY.equals(observer.getSymbolicName())
                && HIDDEN.containsKey(observed.getSymbolicName());
    }

    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        Bundle observer = context.getBundle();
        bundles.removeIf(bundle -> hiddenFrom(observer, bundle));
    }

    @Override
    public void event(BundleEvent event, Collection<BundleContext> contexts) {
        if (HIDDEN.containsKey(event.getBundle().getSymbolicName())) {
            contexts.removeIf(context -> hiddenFrom(context.getBundle(), event.getBundle()));
        }
    }
}
