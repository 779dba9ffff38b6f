package org.dialplane.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.FileResponse;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.MaxBodySize;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.media.api.MediaChange;
import org.dialplane.media.api.MediaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pbxapi/media}: parses the request, calls {@link MediaService}, answers. Audio comes as
 * {@code multipart/form-data} (the part {@code filename}, as MiRTA's updatebinary sends it) or as the raw body
 * ({@code audio/*}, {@code application/octet-stream}); what it is, the service decides from its content. The whole
 * request body counts against the configured limit ({@link MediaConfig}): a larger declared Content-Length is
 * refused before reading.
 */
@Component(service = MediaResource.class, immediate = true, configurationPid = MediaConfig.PID)
@PbxResource(name = "dialplane.media")
@Path("media")
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {
    private static final String RAW_AUDIO = "audio/*";
    private static final Set<String> CREATE_PARTS = Set.of("name", "description");
    /** Core's own limit is lifted for uploads: {@link UploadLimit} applies the configured one. */
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final MediaService media;
    private volatile long maxUploadBytes;

    @Activate
    public MediaResource(@Reference MediaService media, MediaConfig config) {
        this.media = media;
        modified(config);
    }

    @Modified
    void modified(MediaConfig config) {
        maxUploadBytes = config.max_upload_bytes();
    }

    @GET
    @Fields(MediaFields.class)
    @Doc("List media files (IssabelPBX system recordings): fields=, limit, offset, order, direction, search")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        return media.list(Query.of(uri, MediaFields.FIELDS), Caller.of(security));
    }

    @GET
    @Path("{ids}")
    @Fields(MediaFields.class)
    @Doc("One or more media files by id (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        return media.get(Ids.parse(ids, Ids.NUMERIC), Query.of(uri, MediaFields.FIELDS), Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Fields(MediaFields.class)
    @Doc("Create a media file without audio yet (name, description)")
    public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, body);
        MediaChange change = MediaFields.validate(body, true);
        return Crud.created(uri, media.create(change, apply, Caller.of(security)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Fields(MediaFields.class)
    @Doc("Create a media file with audio: the parts name and description (optional), then filename, the audio")
    public Response createFromForm(@MaxBodySize(UNLIMITED) InputStream body, @Context HttpHeaders headers,
            @Context UriInfo uri, @Context SecurityContext security) throws IOException {
        Caller caller = Caller.of(security);
        caller.requireWriter();
        Map<String, Object> fields = new HashMap<>();
        String[] id = new String[1];
        MultipartForm.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), limited(body, headers), CREATE_PARTS,
                new MultipartForm.Handler() {
                    @Override
                    public void text(String name, String value) {
                        fields.put(name, value);
                    }

                    @Override
                    public void audio(String fileName, InputStream content) {
                        fields.putIfAbsent("name", nameOf(fileName));
                        id[0] = media.create(MediaFields.validate(JsonBody.of(fields), true), content, caller);
                    }
                });
        return Crud.created(uri, id[0]);
    }

    @POST
    @Consumes({RAW_AUDIO, MediaType.APPLICATION_OCTET_STREAM})
    @Fields(MediaFields.class)
    @Doc("Create a media file with the body as its audio; name and description as query parameters")
    public Response createFromAudio(@MaxBodySize(UNLIMITED) InputStream body, @QueryParam("name") String name,
            @QueryParam("description") String description, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext security) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", name == null ? "Upload" : name);
        if (description != null) {
            fields.put("description", description);
        }
        MediaChange change = MediaFields.validate(JsonBody.of(fields), true);
        return Crud.created(uri, media.create(change, limited(body, headers), Caller.of(security)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Fields(MediaFields.class)
    @Doc("Update only the fields sent (name, description), or create the media file at this id")
    public Response save(@PathParam("id") String id, JsonBody body, @QueryParam(Reload.NAME) String reload,
            @Context UriInfo uri, @Context SecurityContext security) {
        String number = Ids.parseOne(id, Ids.NUMERIC);
        boolean apply = Reload.requested(reload, body);
        MediaChange change = MediaFields.validate(body, false);
        return Crud.saved(media.save(number, change, apply, Caller.of(security)), uri);
    }

    @DELETE
    @Path("{ids}")
    @Fields(MediaFields.class)
    @Doc("Delete one or more media files, all or none; 409 naming the users while any is in use")
    public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload,
            @Context SecurityContext security) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, Ids.NUMERIC), i -> media.delete(i, apply, Caller.of(security)));
    }

    @GET
    @Path("{id}/audio")
    @Produces({"audio/wav", "audio/x-wav", "audio/mpeg", "audio/x-gsm", "audio/ogg", MediaType.APPLICATION_OCTET_STREAM})
    @Doc("The media file's audio (8 kHz mono 16-bit PCM WAV for uploads); Range for a part, HEAD for the headers")
    public Response audio(@PathParam("id") String id, @Context Request request, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        String number = Ids.parseOne(id, Ids.NUMERIC);
        return FileResponse.of(media.audioFile(number, Caller.of(security)), request, headers);
    }

    @PUT
    @Path("{id}/audio")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Doc("Replace the audio with the part filename (MiRTA's updatebinary); the old audio stays if it is refused")
    public Response replaceFromForm(@PathParam("id") String id, @MaxBodySize(UNLIMITED) InputStream body,
            @Context HttpHeaders headers, @Context SecurityContext security) throws IOException {
        String number = Ids.parseOne(id, Ids.NUMERIC);
        Caller caller = Caller.of(security);
        caller.requireWriter();
        MultipartForm.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), limited(body, headers), Set.of(),
                new MultipartForm.Handler() {
                    @Override
                    public void text(String name, String value) {
                        // never called: MultipartForm refuses any text part when none is accepted
                    }

                    @Override
                    public void audio(String fileName, InputStream content) {
                        media.replaceAudio(number, content, caller);
                    }
                });
        return Response.ok().build();
    }

    @PUT
    @Path("{id}/audio")
    @Consumes({RAW_AUDIO, MediaType.APPLICATION_OCTET_STREAM})
    @Doc("Replace the audio with the body; the old audio stays if it is refused")
    public Response replace(@PathParam("id") String id, @MaxBodySize(UNLIMITED) InputStream body,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        String number = Ids.parseOne(id, Ids.NUMERIC);
        media.replaceAudio(number, limited(body, headers), Caller.of(security));
        return Response.ok().build();
    }

    /** The body, refused at once when its declared length is over the limit, else counted as it is read. */
    private InputStream limited(InputStream body, HttpHeaders headers) {
        long limit = maxUploadBytes;
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.trim().matches("[0-9]{1,18}") && Long.parseLong(declared.trim()) > limit) {
            throw UploadLimit.tooLarge(limit);
        }
        return new UploadLimit(body, limit);
    }

    /** A name from an uploaded file's name: without folders and extension, at most 50 characters. */
    static String nameOf(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "")
                .replaceAll("\\p{Cntrl}", "").strip();
        name = name.length() > 50 ? name.substring(0, 50) : name;
        return name.isEmpty() ? "Upload" : name;
    }
}
