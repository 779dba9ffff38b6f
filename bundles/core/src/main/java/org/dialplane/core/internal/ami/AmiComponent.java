package org.dialplane.core.internal.ami;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiListener;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers the {@link Ami} service, configured from the framework properties {@code dialplane.ami.*}.
 * Registered even with no PBX attached, so AMI-backed endpoints can answer 503 instead of 404.
 */
@Component(service = Ami.class, immediate = true)
public class AmiComponent implements Ami {
    private final AmiClient client;

    /** Optional and dynamic: actions are timed while core's meter registry is there ({@code dialplane_ami_action}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MeterRegistry meters;

    @Activate
    public AmiComponent(BundleContext context) {
        this.client = new AmiClient(AmiSettings.from(context::getProperty),
                () -> EventClasses.inBundle(context.getBundle()));
        client.start();
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    @Override
    public AmiState state() {
        return client.state();
    }

    @Override
    public CompletionStage<AmiResponse> send(AmiAction action, Duration timeout) {
        MeterRegistry registry = meters;
        long start = System.nanoTime();
        CompletionStage<AmiResponse> sent = client.send(action, timeout);
        if (registry != null) {
            // on the side: the caller gets the client's own stage, cancellation and all
            sent.whenComplete((response, failure) -> registry.timer("dialplane.ami.action", "action", action.name(),
                    "outcome", failure == null ? "answered" : "failed")
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        }
        return sent;
    }

    @Override
    public Subscription subscribe(AmiListener listener) {
        return client.subscribe(listener);
    }
}
