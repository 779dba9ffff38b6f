package org.dialplane.media.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.crud.CrudService;
import org.dialplane.core.rest.ApiException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The media files of IssabelPBX, its system recordings ({@code recordings} rows, owned by tenants, with their
 * audio under {@code <sounds>/custom/<tenant code>/}), as {@code /pbxapi/media} serves them, with the rules of
 * {@link CrudService}; the numbers are the recordings' ids. Specific to media:
 * <ul>
 * <li>{@code create} without audio makes a media file whose audio is still to come ({@link #replaceAudio});
 * {@code save} at an id nobody uses creates it there;</li>
 * <li>{@code delete} is refused (409 naming every user) while a ring group, follow-me, queue, IVR,
 * announcement, conference or a registered {@link MediaUsage} still uses any of the files;</li>
 * <li>the audio is kept as Asterisk plays it best: 8 kHz mono 16-bit PCM WAV, converted from any upload of the
 * {@link #ACCEPTED_FORMATS}.</li>
 * </ul>
 * Writes need no apply of the PBX configuration (Asterisk reads a sound file when it plays it): the
 * {@code apply} flag is accepted and has nothing to do.
 */
@ProviderType
public interface MediaService extends CrudService<MediaChange> {
    /** What an upload may be, as a 415 names it. Anything else, whatever its name or Content-Type, is refused. */
    String ACCEPTED_FORMATS = "WAV with PCM samples of 8, 16 or 24 bits at any sample rate and channel count,"
            + " or mu-law or A-law WAV";
    /**
     * The largest upload by default, in bytes (20 MiB); {@code max.upload.bytes} of the configuration
     * {@code org.dialplane.media} sets another.
     */
    long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** The longest audio accepted, in seconds. */
    int MAX_SECONDS = 600;

    /**
     * The media file, when the caller may use it: empty when there is none with that id or it is another
     * tenant's. For checking ids a client gives (a response path's prompts) and for the name to play.
     */
    Optional<MediaFile> find(String id, Caller caller);

    /**
     * The media file's audio as Asterisk plays it (for a Dialplane upload: 8 kHz mono 16-bit PCM WAV), to stream
     * to a client; it stays valid while it is read even if the audio is replaced meanwhile.
     *
     * @throws ApiException 404 when the caller has no media file {@code id}, or it has no audio yet
     */
    Path audioFile(String id, Caller caller);

    /**
     * Creates a media file with this audio, converted: the audio is written first, so a refused upload creates
     * nothing.
     *
     * @param audio the upload, read to its end (not closed)
     * @return the new media file's id
     * @throws ApiException 422 for an invalid change, and as {@link #replaceAudio}
     */
    String create(MediaChange change, InputStream audio, Caller caller);

    /**
     * Replaces the media file's audio with the upload, converted. The new file is written beside the old one and
     * moved over it at once: readers and Asterisk see the old audio or the new one, whole, never a mix, and a
     * refused or failed upload leaves the old audio as it was. Of two concurrent replacements, one wins whole.
     *
     * @param audio the upload, read to its end (not closed)
     * @throws ApiException 404 when the caller has no media file {@code id}; 403 for a read-only caller; 413 past
     *                      the upload limit; 415 when it is not one of the {@link #ACCEPTED_FORMATS}; 422 when it
     *                      is longer than {@link #MAX_SECONDS} or holds no audio
     */
    void replaceAudio(String id, InputStream audio, Caller caller);
}
