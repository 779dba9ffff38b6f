package org.dialplane.voicemail;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.voicemail.api.MailboxChange;
import org.dialplane.voicemail.api.VoicemailService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pbxapi/voicemail}: the mailboxes (MiRTA VOICEMAIL list). Parses the request, calls
 * {@link VoicemailService}, answers. Every parse comes before the write, so a malformed request changes nothing.
 */
@Component(service = VoicemailResource.class, immediate = true)
@PbxResource(name = "dialplane.voicemail")
@Path("voicemail")
@Fields(VoicemailFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class VoicemailResource {
    private final VoicemailService voicemail;

    @Activate
    public VoicemailResource(@Reference VoicemailService voicemail) {
        this.voicemail = voicemail;
    }

    @GET
    @Doc("List mailboxes with their new/old/urgent message counts (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        return voicemail.list(Query.of(uri, VoicemailFields.FIELDS), Caller.of(security));
    }

    @GET
    @Path("{ids}")
    @Doc("One or more mailboxes by number (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Query query = Query.of(uri, VoicemailFields.FIELDS);
        return voicemail.get(Ids.parse(ids, Ids.NUMERIC), query, Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the mailbox of an extension; mailbox and pin are required")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        MailboxChange change = VoicemailFields.validate(body, true);
        return Crud.created(uri, voicemail.create(change, apply, Caller.of(security)));
    }

    @PUT
    @Path("{mailbox}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the mailbox of this extension (pin required), or update only the fields sent")
    public Response save(@PathParam("mailbox") String mailbox, JsonBody body, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(mailbox, VoicemailFields.NUMBER);
        boolean apply = Reload.requested(reload, body);
        MailboxChange change = VoicemailFields.validate(body, false);
        return Crud.saved(voicemail.save(number, change, apply, Caller.of(security)), uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more mailboxes from voicemail.conf, all or none; their messages stay in the spool")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, Ids.NUMERIC), i -> voicemail.delete(i, apply, Caller.of(security)));
    }
}
