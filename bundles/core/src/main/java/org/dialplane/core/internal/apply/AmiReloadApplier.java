package org.dialplane.core.internal.apply;

import java.time.Duration;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.rest.ApiException;

/** Applies by asking Asterisk to reload its modules over AMI (when no apply command is configured). */
final class AmiReloadApplier implements Applier {
    private final Ami ami;
    private final Duration timeout;

    AmiReloadApplier(Ami ami, Duration timeout) {
        this.ami = ami;
        this.timeout = timeout;
    }

    @Override
    public String method() {
        return ami.state() == AmiState.DISABLED ? "none" : "ami-reload";
    }

    @Override
    public Outcome apply() {
        if (ami.state() == AmiState.DISABLED) {
            return Outcome.skipped("no apply command and no AMI configured");
        }
        try {
            AmiResponse response = ami.call(AmiAction.of("Reload"), timeout);
            return response.success() ? Outcome.success(response.message())
                    : Outcome.failure("AMI Reload: " + response.message(), null);
        } catch (ApiException e) {
            return Outcome.failure("AMI Reload: " + e.getMessage(), null);
        }
    }
}
