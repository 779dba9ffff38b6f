package org.dialplane.core.rest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A file as the answer of a GET (and of the HEAD Jakarta REST derives from it): the whole file with a 200, or the
 * one range a {@code Range} header asks for with a 206 ({@link ByteRange}), always with {@code Content-Length},
 * {@code Accept-Ranges: bytes} and {@code Last-Modified}, so that audio players can seek. The file is streamed
 * from disk as the response is written, never held in memory. Jersey answers a HEAD by running the GET and
 * discarding the body it writes (the file is read for nothing), so a HEAD has the GET's headers exactly, a 206
 * for a Range included, as nginx answers.
 *
 * <pre>{@code
 * @GET @Path("{id}/recording")
 * public Response recording(..., @Context Request request, @Context HttpHeaders headers) {
 *     return FileResponse.of(file, request, headers);
 * }
 * }</pre>
 *
 * The caller decides which file may be served; this class only serves it.
 */
public final class FileResponse {
    /** Content types by file extension, as Asterisk names its recordings, voicemail and sounds. */
    private static final Map<String, String> TYPES = Map.of(
            "wav", "audio/wav",
            "WAV", "audio/x-wav", // Asterisk's wav49: GSM in a WAV container
            "mp3", "audio/mpeg",
            "gsm", "audio/x-gsm",
            "ogg", "audio/ogg");
    private static final String DEFAULT_TYPE = "application/octet-stream";
    private static final int BUFFER = 64 * 1024;
    /** RFC 9110's IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FileResponse() {
    }

    /**
     * The response serving {@code file}.
     *
     * @throws ApiException 404 when the file is not there (or is not a regular file); 416 for a range past its end
     */
    public static Response of(Path file, Request request, HttpHeaders headers) {
        BasicFileAttributes attributes = attributes(file);
        // Opened now, and its length taken from the open file: a file replaced by a rename meanwhile (a media
        // upload) is still served whole, the one whose length the headers declare.
        FileChannel channel = open(file);
        boolean streaming = false;
        try {
            long length = channel.size();
            // HTTP dates have whole seconds; a finer Last-Modified would never match If-Modified-Since or If-Range.
            Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
            Response.ResponseBuilder notModified = request.evaluatePreconditions(Date.from(modified));
            if (notModified != null) {
                return notModified.build();
            }
            // A range of the file the client has: with an If-Range that no longer matches, it gets the whole new one.
            Optional<ByteRange> range = current(headers.getHeaderString("If-Range"), modified)
                    ? ByteRange.parse(headers.getHeaderString("Range"), length) : Optional.empty();
            long first = range.map(ByteRange::first).orElse(0L);
            long size = range.map(ByteRange::size).orElse(length);
            Response.ResponseBuilder builder = range.isPresent()
                    ? Response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range",
                            range.get().contentRange())
                    : Response.ok();
            String name = file.getFileName().toString();
            Response response = builder.entity(stream(channel, first, size))
                    .type(contentType(name))
                    .header(HttpHeaders.CONTENT_LENGTH, size)
                    .header("Accept-Ranges", "bytes")
                    .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(modified))
                    .header("Content-Disposition", "attachment; filename=\"" + safeFilename(name) + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, "private")
                    .build();
            streaming = true;
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!streaming) {
                closeQuietly(channel);
            }
        }
    }

    /** The content type of a file name, from its extension; {@code application/octet-stream} when unknown. */
    public static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? DEFAULT_TYPE : TYPES.getOrDefault(name.substring(dot + 1), DEFAULT_TYPE);
    }

    /**
     * The name in a form that cannot break out of the quoted {@code filename} parameter nor carry a path: letters,
     * digits, {@code .}, {@code _} and {@code -}; anything else becomes {@code _}.
     */
    public static String safeFilename(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "download" : safe;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw ApiException.notFound("No such file");
            }
            return attributes;
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("No such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether an {@code If-Range} header (if any) still describes the file. Only the Last-Modified date we send can
     * match; we send no ETag, so an entity tag never does and the client gets the whole, current file.
     */
    private static boolean current(String ifRange, Instant modified) {
        if (ifRange == null) {
            return true;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifRange.strip(), Instant::from).equals(modified);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("No such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }

    /**
     * Writes {@code size} bytes from {@code first} of the open file, then closes it. A file that shrank meanwhile
     * (written in place, not replaced) fails the write: the client sees a response shorter than its
     * Content-Length, an error, rather than bytes that are not the file's.
     */
    private static StreamingOutput stream(FileChannel channel, long first, long size) {
        return out -> {
            try (channel; InputStream in = Channels.newInputStream(channel.position(first))) {
                copy(in, out, size);
            }
        };
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(size, 1))];
        long remaining = size;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new EOFException("The file ended " + remaining + " bytes early");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }
}
