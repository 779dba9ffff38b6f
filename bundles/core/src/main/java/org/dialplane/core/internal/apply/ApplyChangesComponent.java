package org.dialplane.core.internal.apply;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyListener;
import org.dialplane.core.apply.ApplyStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers {@link ApplyChanges}: the command in {@code dialplane.apply.command} when set, an AMI reload
 * otherwise. Tuning: {@code dialplane.apply.quiet.ms} (500), {@code dialplane.apply.max.delay.ms} (5000),
 * {@code dialplane.apply.timeout.seconds} (120).
 */
@Component(service = ApplyChanges.class, immediate = true)
public class ApplyChangesComponent implements ApplyChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyChangesComponent.class);

    private final ApplyScheduler scheduler;

    /** Optional and dynamic: runs are timed while core's meter registry is there ({@code dialplane_apply}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MeterRegistry meters;

    @Activate
    public ApplyChangesComponent(BundleContext context, @Reference Ami ami) {
        Duration timeout = Duration.ofSeconds(number(context, "dialplane.apply.timeout.seconds", 120));
        Applier applier = applier(context.getProperty("dialplane.apply.command"), ami, timeout);
        this.scheduler = new ApplyScheduler(timed(applier),
                Duration.ofMillis(number(context, "dialplane.apply.quiet.ms", 500)),
                Duration.ofMillis(number(context, "dialplane.apply.max.delay.ms", 5000)));
    }

    static Applier applier(String command, Ami ami, Duration timeout) {
        if (command == null || command.isBlank()) {
            return new AmiReloadApplier(ami, Duration.ofSeconds(30));
        }
        try {
            return new CommandApplier(command, timeout);
        } catch (IllegalArgumentException invalid) {
            LOG.error("dialplane.apply.command is invalid, changes will not be applied: {}", invalid.getMessage());
            return new Applier() {
                @Override
                public String method() {
                    return "command";
                }

                @Override
                public Outcome apply() {
                    return Outcome.failure("dialplane.apply.command is invalid: " + invalid.getMessage(), null);
                }
            };
        }
    }

    /** The applier, its runs timed by method and result when there is a meter registry. */
    private Applier timed(Applier applier) {
        return new Applier() {
            @Override
            public String method() {
                return applier.method();
            }

            @Override
            public Outcome apply() {
                long start = System.nanoTime();
                String result = "failure";
                try {
                    Outcome outcome = applier.apply();
                    result = outcome.result();
                    return outcome;
                } finally {
                    MeterRegistry registry = meters;
                    if (registry != null) {
                        registry.timer("dialplane.apply", "method", applier.method(), "result", result)
                                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    }
                }
            }
        };
    }

    private static long number(BundleContext context, String key, long fallback) {
        String value = context.getProperty(key);
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.warn("{} is not a number ('{}'); using {}", key, value, fallback);
            return fallback;
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.close();
    }

    @Override
    public void request(String reason) {
        scheduler.request(reason);
    }

    @Override
    public ApplyStatus status() {
        return scheduler.status();
    }

    @Override
    public Subscription subscribe(ApplyListener listener) {
        return scheduler.subscribe(listener);
    }
}
