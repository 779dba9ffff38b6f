package org.dialplane.core.internal.ami;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiListener;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers the {@link Ami} service, configured from the framework properties {@code dialplane.ami.*}.
 * Registered even with no PBX attached, so AMI-backed endpoints can answer 503 instead of 404.
 */
@Component(service = Ami.class, immediate = true)
public class AmiComponent implements Ami {
    private final AmiClient client;

    @Activate
    public AmiComponent(BundleContext context) {
        this.client = new AmiClient(AmiSettings.from(context::getProperty),
                EventClasses.inBundle(context.getBundle()));
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
        return client.send(action, timeout);
    }

    @Override
    public Subscription subscribe(AmiListener listener) {
        return client.subscribe(listener);
    }
}
