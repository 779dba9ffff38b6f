package org.dialplane.calls.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Calls through AMI, each seen as the caller may see it: a tenant acts on its own extensions' calls only.
 * Errors are core's {@link org.dialplane.core.rest.ApiException}s, as over HTTP: 404 for an extension or call the
 * caller does not see, 503 with Retry-After at once without AMI (every method but {@link #recording}), 502 when
 * Asterisk refuses.
 */
@ProviderType
public interface CallService {
    /** Rings the source extension, which then dials the destination; the call id once Asterisk queued it. */
    String originate(OriginateRequest request, Caller caller);

    /**
     * A call this process originated and its outcome, with the fields {@code GET /pbxapi/calls/{id}} shows
     * ({@code status} is queued, answered, busy, no answer or failed).
     */
    Optional<Map<String, Object>> status(String id, Caller caller);

    /** The live channels the caller sees, with the fields {@code GET /pbxapi/calls} shows. */
    List<Map<String, Object>> liveChannels(Caller caller);

    /** How many calls and channels the caller sees are up. */
    CallCount count(Caller caller);

    /** Hangs up an originated call, or a live channel by its Uniqueid; false when there is no such live call. */
    boolean hangup(String id, Caller caller);

    /** The recording of a call (its id, or a CDR uniqueid or linkedid) that the caller may hear. */
    Optional<Recording> recording(String id, Caller caller);
}
