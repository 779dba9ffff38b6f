package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.dialplane.core.internal.http.JsonFeature;
import org.dialplane.core.internal.http.ProblemMapper;
import org.dialplane.core.internal.http.ProblemResponseFilter;
import org.dialplane.core.internal.rest.InMemoryJersey.Answer;
import org.dialplane.core.rest.FileResponse;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** {@link FileResponse} through Jersey, as a resource serves a file: ranges, HEAD, preconditions, errors. */
class FileResponseTest {
    /** Bigger than the copy buffer, so that ranges cross it. */
    private static final byte[] CONTENT = new byte[150_000];
    private static final Instant MODIFIED = Instant.parse("2017-11-04T13:45:16Z");
    private static final String LAST_MODIFIED = "Sat, 04 Nov 2017 13:45:16 GMT";

    @TempDir
    static Path dir;
    private static InMemoryJersey jersey;

    /** Serves the files of the test's directory by name. */
    @jakarta.ws.rs.Path("files")
    public static class FilesResource {
        @GET
        @jakarta.ws.rs.Path("{name}")
        @Produces("*/*")
        public Response get(@PathParam("name") String name, @Context Request request, @Context HttpHeaders headers) {
            return FileResponse.of(dir.resolve(name), request, headers);
        }

        /** Replaces the file by a rename after the answer is made and before it is written, as an upload does. */
        @GET
        @jakarta.ws.rs.Path("replaced/{name}")
        @Produces("*/*")
        public Response replaced(@PathParam("name") String name, @Context Request request,
                @Context HttpHeaders headers) throws IOException {
            Response response = FileResponse.of(dir.resolve(name), request, headers);
            Path replacement = Files.write(dir.resolve(name + ".new"), new byte[] {9, 9, 9});
            Files.move(replacement, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return response;
        }
    }

    @BeforeAll
    static void files() throws IOException {
        new Random(42).nextBytes(CONTENT);
        Path file = Files.write(dir.resolve("out-402-1509806457.625.wav"), CONTENT);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED.plusMillis(789)));
        Files.write(dir.resolve("empty.gsm"), new byte[0]);
        Files.createDirectory(dir.resolve("folder.wav"));
        jersey = new InMemoryJersey(new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .register(new JsonFeature()).register(new ProblemMapper()).register(new ProblemResponseFilter())
                .register(FilesResource.class));
    }

    @Test
    void whenWholeFileAsked_then200WithLengthTypeAndName() {
        Answer answer = get(Map.of());
        assertEquals(200, answer.status());
        assertArrayEquals(CONTENT, answer.bytes());
        assertEquals(Integer.toString(CONTENT.length), answer.header("Content-Length"));
        assertEquals("bytes", answer.header("Accept-Ranges"));
        assertEquals("audio/wav", answer.contentType());
        assertEquals("attachment; filename=\"out-402-1509806457.625.wav\"", answer.header("Content-Disposition"));
        assertEquals(LAST_MODIFIED, answer.header("Last-Modified"));
        assertNull(answer.header("Content-Range"));
    }

    @Test
    void whenRangeAsked_then206WithExactlyThoseBytes() {
        Answer answer = get(Map.of("Range", "bytes=10-19"));
        assertEquals(206, answer.status());
        assertEquals("bytes 10-19/150000", answer.header("Content-Range"));
        assertEquals("10", answer.header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(CONTENT, 10, 20), answer.bytes());

        Answer across = get(Map.of("Range", "bytes=65000-140000"));
        assertEquals(206, across.status());
        assertArrayEquals(Arrays.copyOfRange(CONTENT, 65000, 140001), across.bytes());
    }

    @Test
    void whenSuffixOrOpenRangeAsked_thenTheEndOfTheFile() {
        Answer suffix = get(Map.of("Range", "bytes=-500"));
        assertEquals(206, suffix.status());
        assertEquals("bytes 149500-149999/150000", suffix.header("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(CONTENT, 149_500, 150_000), suffix.bytes());

        Answer open = get(Map.of("Range", "bytes=149990-"));
        assertArrayEquals(Arrays.copyOfRange(CONTENT, 149_990, 150_000), open.bytes());
        assertEquals("bytes 149990-149999/150000", open.header("Content-Range"));
    }

    @Test
    void whenRangeIsPastTheEnd_then416ProblemWithTheLength() throws IOException {
        Answer answer = get(Map.of("Range", "bytes=150000-"));
        assertEquals(416, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("bytes */150000", answer.header("Content-Range"));
        assertEquals(416, new ObjectMapper().readTree(answer.body()).get("status").asInt());
    }

    @Test
    void whenRangeIsMalformedOrMultiple_thenTheWholeFile() {
        for (String range : new String[] {"bytes=abc", "bytes=0-9,20-29", "lines=1-2", "bytes=9-0"}) {
            Answer answer = get(Map.of("Range", range));
            assertEquals(200, answer.status(), range);
            assertArrayEquals(CONTENT, answer.bytes(), range);
        }
    }

    @Test
    void whenHeadSent_thenTheHeadersOfGetAndNoBody() {
        Answer head = jersey.send("HEAD", "files/out-402-1509806457.625.wav", Map.of());
        assertEquals(200, head.status());
        assertEquals(0, head.bytes().length);
        assertEquals("150000", head.header("Content-Length"));
        assertEquals("audio/wav", head.contentType());
        assertEquals("bytes", head.header("Accept-Ranges"));
        Answer range = jersey.send("HEAD", "files/out-402-1509806457.625.wav", Map.of("Range", "bytes=0-9"));
        assertEquals(0, range.bytes().length);
        assertEquals("10", range.header("Content-Length"));
    }

    @Test
    void whenIfRangeSent_thenTheRangeIsServedOnlyWhileTheFileIsUnchanged() {
        assertEquals(206, get(Map.of("Range", "bytes=0-9", "If-Range", LAST_MODIFIED)).status());
        Answer changed = get(Map.of("Range", "bytes=0-9", "If-Range", "Sat, 04 Nov 2017 13:45:15 GMT"));
        assertEquals(200, changed.status());
        assertArrayEquals(CONTENT, changed.bytes());
        assertEquals(200, get(Map.of("Range", "bytes=0-9", "If-Range", "\"some-etag\"")).status());
    }

    @Test
    void whenIfModifiedSinceIsTheLastModification_then304() {
        Answer answer = get(Map.of("If-Modified-Since", LAST_MODIFIED));
        assertEquals(304, answer.status());
        assertEquals(0, answer.bytes().length);
        assertEquals(200, get(Map.of("If-Modified-Since", "Sat, 04 Nov 2017 13:45:15 GMT")).status());
    }

    @Test
    void whenFileIsEmpty_thenAnEmpty200() {
        Answer answer = jersey.send("GET", "files/empty.gsm", Map.of());
        assertEquals(200, answer.status());
        assertEquals("0", answer.header("Content-Length"));
        assertEquals("audio/x-gsm", answer.contentType());
    }

    @Test
    void whenFileIsMissingOrAFolder_then404Problem() {
        for (String name : new String[] {"nosuch.wav", "folder.wav"}) {
            Answer answer = jersey.send("GET", "files/" + name, Map.of());
            assertEquals(404, answer.status(), name);
            assertEquals("application/problem+json", answer.contentType(), name);
            assertTrue(answer.body().contains("No such file"), answer.body());
        }
    }

    @Test
    void whenContentTypeChosen_thenItFollowsTheExtension() {
        assertEquals("audio/wav", FileResponse.contentType("a.wav"));
        assertEquals("audio/x-wav", FileResponse.contentType("a.WAV"));
        assertEquals("audio/mpeg", FileResponse.contentType("a.mp3"));
        assertEquals("audio/x-gsm", FileResponse.contentType("a.gsm"));
        assertEquals("audio/ogg", FileResponse.contentType("a.ogg"));
        assertEquals("application/octet-stream", FileResponse.contentType("a.sln16"));
        assertEquals("application/octet-stream", FileResponse.contentType("noextension"));
    }

    @Test
    void whenFilenameHasUnsafeCharacters_thenItCannotBreakTheHeader() {
        assertEquals("out-402-1509806457.625.wav", FileResponse.safeFilename("out-402-1509806457.625.wav"));
        assertEquals("a_b__c.wav", FileResponse.safeFilename("a\"b\r\nc.wav"));
        assertEquals("_x_y.wav", FileResponse.safeFilename(".x y.wav"));
        assertEquals("_.wav", FileResponse.safeFilename("\u00e9.wav"));
        assertEquals("download", FileResponse.safeFilename(""));
    }

    @Test
    void whenTheFileIsReplacedBeforeTheAnswerIsWritten_thenTheOldOneIsServedWhole() throws IOException {
        Files.write(dir.resolve("swap.wav"), CONTENT);
        Answer answer = jersey.send("GET", "files/replaced/swap.wav", Map.of());
        assertEquals(200, answer.status());
        assertEquals(Integer.toString(CONTENT.length), answer.header("Content-Length"));
        assertArrayEquals(CONTENT, answer.bytes());
        assertArrayEquals(new byte[] {9, 9, 9}, Files.readAllBytes(dir.resolve("swap.wav")));
    }

    private static Answer get(Map<String, String> headers) {
        return jersey.send("GET", "files/out-402-1509806457.625.wav", headers);
    }
}
