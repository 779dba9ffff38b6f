package org.dialplane.extensions;



import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.auth.Authentication;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

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

/** {@code /pbxapi/extensions}, as Issabel's pbxapi serves it. */
@Component(service = ExtensionsResource.class, immediate = true)
@JakartarsResource
@JakartarsName("dialplane.extensions")
@JakartarsExtensionSelect(Authentication.REQUIRED)
@Path("extensions")
@Fields(ExtensionFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionsResource {
    private final ExtensionRepository repository;
    private final AstDb astDb;
    private final ApplyChanges applyChanges;
    private final VoicemailConf voicemail;

    @Activate
    public ExtensionsResource(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, BundleContext context) {
        this.repository = new ExtensionRepository(new Jdbc(database.pbx()), astDb);
        this.astDb = astDb;
        this.applyChanges = applyChanges;
        String etc = context.getProperty("dialplane.asterisk.etc");
        this.voicemail = new VoicemailConf(java.nio.file.Path.of(etc == null || etc.isBlank() ? "/etc/asterisk" : etc));
    }

    @GET
    @Doc("List extensions (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = query(uri, caller);
        return Crud.list(query, q -> repository.find(q, caller), q -> repository.count(q, caller));
    }

    @GET
    @Path("{ids}")
    @Doc("One or more extensions by number (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Query query = query(uri, caller);
        return Crud.get(Ids.parse(ids, Ids.NUMERIC), query, i -> repository.findByIds(i, query, caller),
                ExtensionRepository.KIND);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create an extension at the next free number (or the extension given in the body)")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        ExtensionRepository.Saved saved = repository.create(ExtensionFields.validate(body, true),
                Caller.of(security));
        written(saved, apply);
        return Crud.created(uri, saved.extension());
    }

    @PUT
    @Path("{extension}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Create the extension at this number, or update only the fields sent")
    public Response save(@PathParam("extension") String extension, JsonBody body,
            @QueryParam(Reload.NAME) String reload, @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(extension, ExtensionFields.NUMBER);
        boolean apply = Reload.requested(reload, body);
        ExtensionChange change = ExtensionFields.validate(body, false);
        ExtensionRepository.Saved saved = repository.save(number, change, Caller.of(security));
        written(saved, apply);
        return Crud.saved(saved.created(), uri);
    }

    @DELETE
    @Path("{ids}")
    @Doc("Delete one or more extensions, all or none")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        Ids parsed = Ids.parse(ids, Ids.NUMERIC);
        return Crud.delete(parsed, i -> {
            written(repository.delete(i, Caller.of(security)), apply);
            i.forEach(voicemail::disable);
        });
    }

    /** Secrets are shown to read-write callers only. */
    private static Query query(UriInfo uri, Caller caller) {
        Query query = Query.of(uri, ExtensionFields.FIELDS);
        return caller.readOnly() ? query.hiding("secret") : query;
    }

    private void written(ExtensionRepository.Saved saved, boolean apply) {
        if ("default".equals(saved.voicemail())) {
            voicemail.enable(saved.extension(), saved.name());
        } else if ("novm".equals(saved.voicemail())) {
            voicemail.disable(saved.extension());
        }
        written(saved.astdb(), apply);
    }

    private void written(AstDbChanges astdb, boolean apply) {
        astDb.push(astdb);
        if (apply) {
            applyChanges.request("extensions changed");
        }
    }
}
