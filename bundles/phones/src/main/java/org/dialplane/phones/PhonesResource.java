package org.dialplane.phones;

import java.util.Map;

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
import org.dialplane.phones.api.PhoneChange;
import org.dialplane.phones.api.PhoneService;
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
 * {@code /pbxapi/phones}: parses the request, calls {@link PhoneService}, answers. Every parse comes before the
 * write, so a malformed request changes nothing.
 */
@Component(service = PhonesResource.class, immediate = true)
@PbxResource(name = "dialplane.phones")
@Path("phones")
@Fields(PhoneFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class PhonesResource {
    private final PhoneService phones;

    @Activate
    public PhonesResource(@Reference PhoneService phones) {
        this.phones = phones;
    }

    @GET
    @Doc("List phones (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return phones.list(Query.of(uri, PhoneFields.FIELDS), caller);
    }

    @GET
    @Path("{ids}")
    @Doc("One or more phones by id (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = Query.of(uri, PhoneFields.FIELDS);
        return phones.get(Ids.parse(ids, PhoneFields.ID), query, caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create a phone: name, mac and model are required; lines are extensions of the caller's tenant")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        PhoneChange change = PhoneFields.validate(body, true);
        return Crud.created(uri, phones.create(change, apply, Caller.of(security)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the phone at this id, or update only the fields sent (lines: the whole list)")
    public Response save(@PathParam("id") String id, JsonBody body, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(id, PhoneFields.ID);
        boolean apply = Reload.requested(reload, body);
        PhoneChange change = PhoneFields.validate(body, false);
        return Crud.saved(phones.save(number, change, apply, Caller.of(security)), uri);
    }

    @POST
    @Path("{id}/provisioning-secret")
    @Doc("Give the phone a new provisioning secret (its old provisioning URL stops working); answers the new URL")
    public Results renewProvisioningSecret(@PathParam("id") String id, @Context SecurityContext security) {
        String number = Ids.parseOne(id, PhoneFields.ID);
        String url = phones.renewProvisioningSecret(number, Caller.of(security));
        return Results.one(Map.of("id", Long.valueOf(number), PhoneFields.PROVISIONING_URL, url));
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more phones, all or none")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, PhoneFields.ID), i -> phones.delete(i, apply, Caller.of(security)));
    }
}
