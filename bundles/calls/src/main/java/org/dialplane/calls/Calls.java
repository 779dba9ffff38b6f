package org.dialplane.calls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dialplane.calls.api.CallCount;
import org.dialplane.calls.api.CallService;
import org.dialplane.calls.api.OriginateRequest;
import org.dialplane.calls.api.Recording;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.MonitorFiles;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.FileResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link CallService} for a caller: which extensions and channels the caller sees (a tenant's own; null, all of
 * them, for a global caller), then {@link AmiCalls} for the AMI side and {@link CallRecordings} for recordings.
 * Every AMI method asks for AMI first, so that its absence is a prompt 503 before any database work.
 */
@Component(service = CallService.class)
public class Calls implements CallService {
    private final Jdbc db;
    private final AmiCalls ami;
    private final CallRecordings recordings;

    @Activate
    public Calls(@Reference Database database, @Reference AmiCalls ami, @Reference AsteriskPaths paths) {
        this.db = new Jdbc(database.pbx());
        this.ami = ami;
        this.recordings = new CallRecordings(new Jdbc(database.cdr()), new MonitorFiles(paths));
    }

    @Override
    public String originate(OriginateRequest request, Caller caller) {
        ami.requireAmi();
        String dial = Devices.dialOf(db, request.source(), caller)
                .orElseThrow(() -> ApiException.notFound("No extension " + request.source()));
        return ami.originate(request, dial, caller);
    }

    @Override
    public Optional<Map<String, Object>> status(String id, Caller caller) {
        ami.requireAmi();
        return ami.find(id, caller);
    }

    @Override
    public List<Map<String, Object>> liveChannels(Caller caller) {
        ami.requireAmi();
        return ami.channels(extensionsOf(caller)).stream().map(LiveChannels::toJson).toList();
    }

    @Override
    public CallCount count(Caller caller) {
        ami.requireAmi();
        List<AmiEvent> channels = ami.channels(extensionsOf(caller));
        return new CallCount(LiveChannels.calls(channels), channels.size());
    }

    @Override
    public boolean hangup(String id, Caller caller) {
        ami.requireAmi();
        return ami.hangup(id, caller, extensionsOf(caller));
    }

    @Override
    public Optional<Recording> recording(String id, Caller caller) {
        return recordings.find(id, extensionsOf(caller)).flatMap(file -> {
            try {
                return Optional.of(new Recording(file, Files.size(file),
                        FileResponse.contentType(file.getFileName().toString())));
            } catch (IOException e) {
                return Optional.empty(); // gone since it was found
            }
        });
    }

    /** Null for a global caller: every channel is theirs. */
    private Set<String> extensionsOf(Caller caller) {
        return Devices.extensionsOf(db, caller);
    }
}
