package org.dialplane.mirta;

import org.dialplane.calls.api.CallCount;
import org.dialplane.calls.api.CallService;
import org.dialplane.core.auth.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code COUNTCALLS}: the calls up (channels sharing a Linkedid are one call) that the caller sees: the tenant's
 * with {@code tenant=} or a tenant key, every call with a global key alone. Answers {@code Success|<calls>|}.
 */
@Component(service = Reqtype.class)
public class CountCallsReqtype implements Reqtype {
    private final CallService calls;

    @Activate
    public CountCallsReqtype(@Reference CallService calls) {
        this.calls = calls;
    }

    @Override
    public String reqtype() {
        return "COUNTCALLS";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                COUNTCALLS   - Count the number of calls running (of the tenant, or of every tenant with a global key)
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        CallCount count = calls.count(caller);
        return Answer.success(Long.toString(count.calls()));
    }
}
