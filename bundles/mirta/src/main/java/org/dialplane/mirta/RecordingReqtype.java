package org.dialplane.mirta;

import java.util.regex.Pattern;

import org.dialplane.calls.api.CallService;
import org.dialplane.calls.api.Recording;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code INFO info=recording id=<callid>}: the audio of a call's recording, by the id DIAL answered or a CDR's
 * uniqueid or linkedid, when the caller may hear it (the calls bundle decides, from the CDRs).
 */
@Component(service = Reqtype.class)
public class RecordingReqtype implements Reqtype {
    /** The call ids DIAL answers, and Asterisk's uniqueids. */
    static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final CallService calls;

    @Activate
    public RecordingReqtype(@Reference CallService calls) {
        this.calls = calls;
    }

    @Override
    public String reqtype() {
        return "INFO";
    }

    @Override
    public String selected() {
        return "RECORDING";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                                      recording - the audio of a call's recording
                                             id - the call id DIAL answered, or the call's unique id
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String id = request.requiredMatching("id", CALL_ID, "a call id (letters, digits, . _ -)");
        Recording recording = calls.recording(id, caller)
                .orElseThrow(() -> ApiException.notFound("No recording of call " + id));
        return Answer.File.existing(recording.file(), recording.type(), "The recording of call " + id + " is gone");
    }
}
