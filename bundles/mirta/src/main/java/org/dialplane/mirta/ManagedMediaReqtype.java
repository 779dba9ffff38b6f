package org.dialplane.mirta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.media.api.MediaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.Part;

/**
 * {@code MANAGEDB object=MEDIAFILE action=list|get|getbinary|update|updatebinary}: the tenant's media files through
 * the media bundle's {@link MediaService}. Rows are {@code me_id}, {@code me_te_id}, {@code me_name};
 * {@code update} sets {@code me_name} (other fields are not kept, and the answer says so); {@code getbinary} is
 * the audio as Asterisk plays it (8 kHz mono WAV); {@code updatebinary} takes the multipart file field
 * {@code filename}, converted as {@code PUT /pbxapi/media/{id}/audio} converts it (415 for what is not audio).
 * Media files are created and deleted on {@code /pbxapi/media}: MiRTA's seed has no add.
 */
@Component(service = Reqtype.class)
public class ManagedMediaReqtype implements Reqtype {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,9}");
    private static final Set<String> WRITES = Set.of("UPDATE", "UPDATEBINARY");
    private static final String UPLOAD = "filename";
    private static final ManagedFields FIELDS = new ManagedFields("MEDIAFILE", "me", Map.of("me_name", "name"));

    private final MediaService media;

    @Activate
    public ManagedMediaReqtype(@Reference MediaService media) {
        this.media = media;
    }

    @Override
    public String reqtype() {
        return "MANAGEDB";
    }

    @Override
    public String selected() {
        return "MEDIAFILE";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return WRITES.contains(request.upper("action"));
    }

    @Override
    public String help() {
        return """
                                      mediafile - list, get, getbinary, update, updatebinary (a tenant's media files)
                                             objectid - the media file's me_id, for all but list
                                             jsondata - for update: me_name
                                             filename - for updatebinary: the audio, a multipart file field (WAV)
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller key) {
        String action = FIELDS.action(request, List.of("LIST", "GET", "GETBINARY", "UPDATE", "UPDATEBINARY"));
        Caller caller = FIELDS.tenantCaller(key);
        Query query = media.query(ManagedFields.ALL_FIELDS);
        try {
            switch (action) {
                case "LIST":
                    return new Answer.Document(200, ManagedFields.rows(media.list(query, caller)).stream()
                            .map(row -> mirta(row, caller)).toList());
                case "GET":
                    return new Answer.Document(200, mirta(get(FIELDS.objectId(request, null, ID), query, caller),
                            caller));
                case "GETBINARY": {
                    Path audio = media.audioFile(FIELDS.objectId(request, null, ID), caller);
                    return Answer.File.existing(audio, "audio/wav", "The audio file is gone");
                }
                case "UPDATE": {
                    Map<String, Object> jsondata = request.jsonObject();
                    String id = FIELDS.objectId(request, jsondata, ID);
                    ManagedFields.Change change = FIELDS.change(jsondata, id, caller);
                    get(id, query, caller); // MiRTA's update changes what exists: 404, never a create
                    media.save(id, media.change(change.fields(), false), false, caller);
                    return Answer.success(change.message("Media file updated"), id);
                }
                default: {
                    String id = FIELDS.objectId(request, null, ID);
                    replaceAudio(id, request, caller);
                    return Answer.success("Media file audio updated", id);
                }
            }
        } catch (ApiException e) {
            throw FIELDS.renamed(e);
        }
    }

    private void replaceAudio(String id, ProxyRequest request, Caller caller) {
        Part upload = request.file(UPLOAD).orElseThrow(() -> ApiException.badRequest(request.get(UPLOAD) == null
                ? "Missing file field filename: post the audio as multipart/form-data (curl -F filename=@audio.wav)"
                : "filename was sent as text ('" + Answer.oneLine(request.get(UPLOAD)) + "'), not as a file: PHP"
                        + " sends '@audio.wav' as text since 5.6; use new CURLFile('audio.wav')"));
        try (InputStream audio = upload.getInputStream()) {
            media.replaceAudio(id, audio, caller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> get(String id, Query query, Caller caller) {
        return ManagedFields.rows(media.get(Ids.parse(id, ID), query, caller)).get(0);
    }

    static Map<String, Object> mirta(Map<String, Object> file, Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("me_id", ManagedFields.text(file.get("id")));
        row.put("me_te_id", Long.toString(caller.tenantId()));
        row.put("me_name", ManagedFields.text(file.get("name")));
        return row;
    }
}
