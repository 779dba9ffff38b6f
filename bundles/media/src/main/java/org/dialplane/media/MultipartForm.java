package org.dialplane.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * A {@code multipart/form-data} upload as MiRTA's updatebinary sends it: the audio in the part named
 * {@value #AUDIO}; on a create, also the text parts {@code name} and {@code description}, which must come before
 * it (the audio is converted as it arrives, and the media file is created with it). Parsed by commons-fileupload,
 * which the HTTP feature deploys, as a stream: nothing is held in memory but the small text parts. Any other part,
 * a part given twice, or a text part after the audio is a 400 naming it.
 */
final class MultipartForm {
    /** The part with the audio, as MiRTA names it. */
    static final String AUDIO = "filename";
    /** The largest text part, in bytes. */
    static final int MAX_TEXT_BYTES = 1024;

    /** What the parts are handed to, in the order they come. */
    interface Handler {
        void text(String name, String value);

        /** @param fileName the name the client gave the file, or null; {@code content} ends with the part */
        void audio(String fileName, InputStream content) throws IOException;
    }

    private MultipartForm() {
    }

    /**
     * Reads the form, handing each part over as it arrives.
     *
     * @param textParts the text parts accepted besides the audio (none for a replacement)
     * @throws ApiException 400 for a malformed form or an unexpected part, 422 without the audio part
     */
    static void read(String contentType, InputStream body, Set<String> textParts, Handler handler)
            throws IOException {
        Set<String> seen = new HashSet<>();
        try {
            FileItemIterator parts = new FileUpload().getItemIterator(context(contentType, body));
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                String name = part.getFieldName();
                if (name == null || !(name.equals(AUDIO) || textParts.contains(name))) {
                    throw ApiException.badRequest("Unexpected part " + (name == null ? "without a name"
                            : "'" + name + "'") + "; the audio goes in '" + AUDIO + "'"
                            + (textParts.isEmpty() ? "" : ", with " + String.join(" and ", textParts) + " before it"));
                }
                if (!seen.add(name)) {
                    throw ApiException.badRequest("The part '" + name + "' is given twice");
                }
                if (name.equals(AUDIO)) {
                    try (InputStream content = part.openStream()) {
                        handler.audio(part.getName(), content);
                    }
                } else if (seen.contains(AUDIO)) {
                    throw ApiException.badRequest("The part '" + name + "' comes after '" + AUDIO
                            + "': send it before the audio");
                } else {
                    handler.text(name, text(part));
                }
            }
        } catch (FileUploadException e) {
            throw ApiException.badRequest("Malformed multipart/form-data body: " + e.getMessage());
        } catch (ApiException e) {
            throw e;
        } catch (IOException e) {
            // commons-fileupload reports a broken body (a missing boundary, a truncated part) as an IOException;
            // our own exceptions, thrown from the handler, come through as they are.
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("Malformed multipart/form-data body: " + e.getMessage());
        }
        if (!seen.contains(AUDIO)) {
            throw ApiException.invalid(List.of(new Problem.FieldError(AUDIO, "is required: the audio file")));
        }
    }

    private static String text(FileItemStream part) throws IOException {
        try (InputStream in = part.openStream()) {
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw ApiException.badRequest("The part '" + part.getFieldName() + "' is longer than "
                        + MAX_TEXT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static UploadContext context(String contentType, InputStream body) {
        return new UploadContext() {
            @Override
            public long contentLength() {
                return -1; // read as a stream; the caller limits the body
            }

            @Override
            public String getCharacterEncoding() {
                return StandardCharsets.UTF_8.name();
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            @Deprecated
            public int getContentLength() {
                return -1;
            }

            @Override
            public InputStream getInputStream() {
                return body;
            }
        };
    }
}
