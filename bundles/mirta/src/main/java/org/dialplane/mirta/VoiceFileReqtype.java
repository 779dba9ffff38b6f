package org.dialplane.mirta;

import org.dialplane.core.auth.Caller;
import org.dialplane.responsepaths.api.ResponsePathService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code MEDIAFILE action=GETAUDIO id=<response path> objectid=<voice file>}: the seed's
 * {@code id=19&objectid=3619} is response path 19's voice file 3619, the {@code VoiceFile} its GETLAST shows;
 * served by the response paths bundle's {@link ResponsePathService#voiceFile}
 * ({@code /pbxapi/responsepaths/{id}/voicefiles/{objectid}}).
 */
@Component(service = Reqtype.class)
public class VoiceFileReqtype implements Reqtype {
    private final ResponsePathService paths;

    @Activate
    public VoiceFileReqtype(@Reference ResponsePathService paths) {
        this.paths = paths;
    }

    @Override
    public String reqtype() {
        return "MEDIAFILE";
    }

    @Override
    public String selected() {
        return "VOICEFILE";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                               id, objectid - response path id and VoiceFile (RESPONSEPATH GETLAST): the voice file
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        MediaFileReqtype.requireGetAudio(request);
        String path = request.requiredMatching("id", MediaFileReqtype.ID, "a response path id");
        String voiceFile = request.requiredMatching("objectid", MediaFileReqtype.ID, "a voice file id (VoiceFile)");
        return MediaFileReqtype.file(paths.voiceFile(path, voiceFile, caller));
    }
}
