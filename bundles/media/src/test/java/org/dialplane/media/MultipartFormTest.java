package org.dialplane.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=XyZ";
    private static final Set<String> TEXT = Set.of("name", "description");

    private final List<String> received = new ArrayList<>();
    private byte[] audio;

    @Test
    void whenTextPartsThenAudio_thenEachHandedOverInOrder() throws Exception {
        byte[] wav = new byte[70_000];
        new java.util.Random(3).nextBytes(wav); // any bytes, CR LF and dashes included
        read(form(text("name", "Welcome é"), text("description", "front desk"), file("filename", "a b.wav", wav)));
        assertEquals(List.of("name=Welcome é", "description=front desk", "audio a b.wav"), received);
        assertArrayEquals(wav, audio);
    }

    @Test
    void whenOnlyTheAudio_thenAccepted() throws Exception {
        read(form(file("filename", "audio.wav", new byte[] {1, 2, 3})));
        assertEquals(List.of("audio audio.wav"), received);
        assertArrayEquals(new byte[] {1, 2, 3}, audio);
    }

    @Test
    void whenTextAfterTheAudio_thenBadRequestNamingIt() {
        ApiException e = refused(form(file("filename", "a.wav", new byte[10]), text("name", "late")));
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains("'name' comes after 'filename'"), e.problem().detail());
    }

    @Test
    void whenAnUnexpectedPart_thenBadRequestNamingIt() {
        ApiException e = refused(form(text("colour", "red"), file("filename", "a.wav", new byte[10])));
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains("'colour'"), e.problem().detail());
    }

    @Test
    void whenTheAudioTwice_thenBadRequest() {
        assertEquals(400, refused(form(file("filename", "a.wav", new byte[3]), file("filename", "b.wav",
                new byte[3]))).problem().status());
    }

    @Test
    void whenNoAudioPart_thenInvalidNamingTheField() {
        ApiException e = refused(form(text("name", "x")));
        assertEquals(422, e.problem().status());
        assertEquals("filename", e.problem().errors().get(0).field());
    }

    @Test
    void whenATextPartIsTooLong_thenBadRequest() {
        assertEquals(400, refused(form(text("name", "x".repeat(2000)), file("filename", "a", new byte[1])))
                .problem().status());
    }

    @Test
    void whenTheBodyIsTruncated_thenBadRequest() {
        byte[] whole = form(file("filename", "a.wav", new byte[5000]));
        byte[] cut = java.util.Arrays.copyOf(whole, 3000);
        assertEquals(400, refused(cut).problem().status());
    }

    @Test
    void whenTheContentTypeHasNoBoundary_thenBadRequest() {
        ApiException e = assertThrows(ApiException.class, () -> MultipartForm.read("multipart/form-data",
                new ByteArrayInputStream(form(text("name", "x"))), TEXT, handler()));
        assertEquals(400, e.problem().status());
    }

    @Test
    void whenReplacingAudio_thenTextPartsAreUnexpected() {
        ApiException e = assertThrows(ApiException.class, () -> MultipartForm.read(TYPE,
                new ByteArrayInputStream(form(text("name", "x"), file("filename", "a", new byte[1]))), Set.of(),
                handler()));
        assertEquals(400, e.problem().status());
    }

    private void read(byte[] body) throws IOException {
        MultipartForm.read(TYPE, new ByteArrayInputStream(body), TEXT, handler());
    }

    private ApiException refused(byte[] body) {
        return assertThrows(ApiException.class, () -> read(body));
    }

    private MultipartForm.Handler handler() {
        return new MultipartForm.Handler() {
            @Override
            public void text(String name, String value) {
                received.add(name + "=" + value);
            }

            @Override
            public void audio(String fileName, InputStream content) throws IOException {
                received.add("audio " + fileName);
                audio = content.readAllBytes();
            }
        };
    }

    private static byte[] text(String name, String value) {
        return ("--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** As curl -F 'filename=@a.wav' sends it. */
    private static byte[] file(String name, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] form(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes("--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
