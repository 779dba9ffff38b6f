package org.dialplane.voicemail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.FileResponse;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.voicemail.api.MessageAudio;
import org.dialplane.voicemail.api.VoicemailMessage;
import org.dialplane.voicemail.api.VoicemailMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pbxapi/voicemail/{mailbox}/messages}: a mailbox's messages, one message, its audio (MiRTA VOICEMAIL
 * messages and message), moving and deleting them. Parses the request, calls {@link VoicemailMessages}, answers.
 * The message fields are named on the JSON methods only: the audio answers a file, not a list.
 */
@Component(service = MessagesResource.class, immediate = true)
@PbxResource(name = "dialplane.voicemail.messages")
@Path("voicemail/{mailbox}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    /** The media types of the formats, as {@link FileResponse} answers them; the second of each also accepted. */
    private static final Map<String, List<String>> TYPES = Map.of(
            "wav", List.of("audio/wav", "audio/wave", "audio/vnd.wave"),
            "WAV", List.of("audio/x-wav"),
            "gsm", List.of("audio/x-gsm", "audio/gsm"));

    private final VoicemailMessages messages;

    @Activate
    public MessagesResource(@Reference VoicemailMessages messages) {
        this.messages = messages;
    }

    @GET
    @Fields(MessageFields.class)
    @Doc("The mailbox's messages, in folder order (folder=INBOX|Old|Urgent|Work|Family|Friends; default all)")
    public Results list(@PathParam("mailbox") String mailbox, @QueryParam("folder") String folder,
            @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(mailbox, VoicemailFields.NUMBER);
        Query query = Query.of(uri, MessageFields.FIELDS);
        String filter = folder == null || folder.isBlank() ? null : folder;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VoicemailMessage message : messages.messages(number, filter, Caller.of(security))) {
            rows.add(MessageFields.shown(number, message));
        }
        int from = Math.min(query.offset(), rows.size());
        int to = query.limit().map(limit -> Math.min(from + limit, rows.size())).orElse(rows.size());
        List<Map<String, Object>> shown = query.project(rows.subList(from, to));
        return query.paginated() ? Results.page(shown, rows.size()) : Results.of(shown);
    }

    @GET
    @Path("{msgid}")
    @Fields(MessageFields.class)
    @Doc("One message by its id (Asterisk's msg_id)")
    public Results get(@PathParam("mailbox") String mailbox, @PathParam("msgid") String msgid, @Context UriInfo uri,
            @Context SecurityContext security) {
        String number = Ids.parseOne(mailbox, VoicemailFields.NUMBER);
        String id = Ids.parseOne(msgid, MessageFields.ID);
        Query query = Query.of(uri, MessageFields.FIELDS);
        return Results.one(query.project(MessageFields.shown(number, messages.message(number, id,
                Caller.of(security)))));
    }

    @GET
    @Path("{msgid}/audio")
    @Produces({"audio/wav", "audio/x-wav", "audio/x-gsm"})
    @Doc("The message's recording (MiRTA VOICEMAIL message): format=wav|WAV|gsm or by Accept; Range for a part")
    public Response audio(@PathParam("mailbox") String mailbox, @PathParam("msgid") String msgid,
            @QueryParam("format") String format, @Context Request request, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        String number = Ids.parseOne(mailbox, VoicemailFields.NUMBER);
        String id = Ids.parseOne(msgid, MessageFields.ID);
        List<String> formats = formats(format, headers);
        MessageAudio audio = messages.audio(number, id, formats, Caller.of(security));
        return FileResponse.of(audio.file(), request, headers);
    }

    @PUT
    @Path("{ids}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Fields(value = MessageFields.class, constant = "MOVE", name = "MessageMove", answers = false)
    @Doc("Move one or more messages to another folder ({\"folder\":\"Old\"} marks them heard), all or none")
    public Response move(@PathParam("mailbox") String mailbox, @PathParam("ids") String ids, JsonBody body,
            @Context SecurityContext security) {
        String number = Ids.parseOne(mailbox, VoicemailFields.NUMBER);
        Ids messageIds = Ids.parse(ids, MessageFields.ID);
        String folder = MessageFields.folder(body);
        messages.move(number, messageIds.values(), folder, Caller.of(security));
        return Response.ok().build();
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more messages with all their files, all or none; the folders are renumbered")
    public Response delete(@PathParam("mailbox") String mailbox, @PathParam("ids") String ids,
            @Context SecurityContext security) {
        String number = Ids.parseOne(mailbox, VoicemailFields.NUMBER);
        messages.delete(number, Ids.parse(ids, MessageFields.ID).values(), Caller.of(security));
        return Response.ok().build();
    }

    /**
     * The formats the client takes: the one {@code format=} names (400 for another), else those its Accept
     * header lists, in its order of preference; empty for any.
     */
    static List<String> formats(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (!VoicemailMessages.FORMATS.contains(format)) {
                throw ApiException.badRequest("format: must be one of " + String.join(", ",
                        VoicemailMessages.FORMATS) + " (WAV is GSM in a WAV file)");
            }
            return List.of(format);
        }
        List<String> formats = new ArrayList<>();
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || (accepted.getType().equals("audio") && accepted.isWildcardSubtype())) {
                return formats.isEmpty() ? List.of() : addRest(formats);
            }
            String type = accepted.getType() + "/" + accepted.getSubtype();
            VoicemailMessages.FORMATS.stream().filter(f -> TYPES.get(f).contains(type) && !formats.contains(f))
                    .forEach(formats::add);
        }
        return formats;
    }

    /** The formats preferred, then any other. */
    private static List<String> addRest(List<String> preferred) {
        List<String> all = new ArrayList<>(preferred);
        VoicemailMessages.FORMATS.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return all;
    }
}
