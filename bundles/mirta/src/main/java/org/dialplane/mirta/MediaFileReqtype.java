package org.dialplane.mirta;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.media.api.MediaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code MEDIAFILE action=GETAUDIO id=<media id>} (without {@code objectid}): a media file's audio, through the media
 * bundle's {@link MediaService} ({@code /pbxapi/media/{id}/audio}). With {@code objectid} the request is a response
 * path's voice file: {@link VoiceFileReqtype}.
 */
@Component(service = Reqtype.class)
public class MediaFileReqtype implements Reqtype {
    static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Map<String, String> TYPES = Map.of("wav", "audio/wav", "gsm", "audio/x-gsm", "ulaw",
            "audio/basic", "ul", "audio/basic", "alaw", "audio/x-alaw-basic", "mp3", "audio/mpeg");

    private final MediaService media;

    @Activate
    public MediaFileReqtype(@Reference MediaService media) {
        this.media = media;
    }

    @Override
    public String reqtype() {
        return "MEDIAFILE";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                               id - media file id (without objectid): the media file's audio
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        requireGetAudio(request);
        String id = request.requiredMatching("id", ID, "a media file id");
        return file(media.audioFile(id, caller));
    }

    /** MiRTA's only MEDIAFILE action. */
    static void requireGetAudio(ProxyRequest request) {
        String action = request.upper("action");
        if (!"GETAUDIO".equals(action)) {
            throw ApiException.badRequest((action == null ? "Missing parameter action" : "Unknown action '"
                    + Answer.oneLine(request.get("action")) + "'") + " for reqtype MEDIAFILE; one of GETAUDIO");
        }
    }

    /** An audio file whole, typed by its extension. */
    static Answer file(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Answer.File.existing(file, TYPES.getOrDefault(extension, "application/octet-stream"),
                "The audio file is gone");
    }
}
