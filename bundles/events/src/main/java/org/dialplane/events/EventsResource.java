package org.dialplane.events;

import java.util.LinkedHashSet;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Doc;
import org.dialplane.events.api.EventService;
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
 * and configuration applied, each as {@code event: <type>}, {@code id: <n>} and {@code data: <JSON>}; the HTTP
 * side of {@link EventService}, whose subscription writes to the client's sink. A tenant hears only of its own
 * extensions. {@code ?types=a,b} picks types; {@code Last-Event-ID} replays what a reconnecting client missed,
 * while this process still keeps it. Needs AMI: 503 with Retry-After at once without.
 */
@Component(service = EventsResource.class, immediate = true)
@PbxResource(name = "dialplane.events")
@Path("events")
public class EventsResource {
    private final EventService service;

    @Activate
    public EventsResource(@Reference EventService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Doc("Server-Sent Events: call.started, call.answered, call.hangup, agent.paused, agent.unpaused, config.applied")
    public void events(@QueryParam("types") String types, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastId,
            @Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        service.subscribe(types(types), Caller.of(security), lastId, new SseListener(sink, sse));
    }

    /** {@code ?types=a,b} as a set, in its order (the service tells unknown ones); null for every type. */
    static Set<String> types(String types) {
        if (types == null || types.isBlank()) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String type : types.split(",")) {
            wanted.add(type.trim());
        }
        return wanted;
    }
}
