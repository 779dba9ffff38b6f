package org.dialplane.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /pbxapi/events}: Server-Sent Events of calls started, answered and hung up, agents paused and unpaused,
 * and configuration applied, each as {@code event: <type>}, {@code id: <n>} and {@code data: <JSON>}. A tenant
 * hears only of its own extensions. {@code ?types=a,b} picks types; {@code Last-Event-ID} replays what a
 * reconnecting client missed, while this process still keeps it. Needs AMI: 503 with Retry-After at once without.
 */
@Component(service = EventsResource.class, immediate = true)
@PbxResource(name = "dialplane.events")
@Path("events")
public class EventsResource {
    private final Jdbc db;
    private final Ami ami;
    private final EventStream stream;

    @Activate
    public EventsResource(@Reference Database database, @Reference Ami ami, @Reference EventStream stream) {
        this.db = new Jdbc(database.pbx());
        this.ami = ami;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Doc("Server-Sent Events: call.started, call.answered, call.hangup, agent.paused, agent.unpaused, config.applied")
    public void events(@QueryParam("types") String types, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastId,
            @Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Set<String> wanted = types(types);
        Long lastEventId = lastEventId(lastId);
        ami.requireConnected();
        Supplier<Set<String>> extensions = () -> Devices.extensionsOf(db, caller);
        stream.connect(sink, sse, wanted, extensions, lastEventId);
    }

    /** Null for every type. */
    static Set<String> types(String types) {
        if (types == null || types.isBlank()) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String type : types.split(",")) {
            String name = type.trim();
            if (!PbxEvents.TYPES.contains(name)) {
                throw ApiException.invalid(List.of(new Problem.FieldError("types",
                        "unknown event type '" + abbreviated(name) + "'; known: " + String.join(", ", PbxEvents.TYPES))));
            }
            wanted.add(name);
        }
        return wanted;
    }

    static Long lastEventId(String lastId) {
        if (lastId == null || lastId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(lastId.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be the id of an event of this stream");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
