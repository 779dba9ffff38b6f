package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio answers: a file that is not there is a 404 before anything is sent; one that is goes whole, named. */
class AnswerFileTest {
    @TempDir
    Path dir;

    @Test
    void whenTheFileIsGone_then404WithTheReasonGiven() {
        ApiException gone = assertThrows(ApiException.class,
                () -> Answer.File.existing(dir.resolve("msg0000.wav"), "audio/wav", "The audio of this message is gone"));

        assertEquals(404, gone.problem().status());
        assertEquals("The audio of this message is gone", gone.problem().detail());
    }

    @Test
    void whenTheNameIsAFolder_then404() {
        assertThrows(ApiException.class, () -> Answer.File.existing(dir, "audio/wav", "gone"));
    }

    @Test
    void whenTheFileIsThere_thenSentWholeWithItsLengthAsAnAttachment() throws Exception {
        Path file = Files.writeString(dir.resolve("welcome en.wav"), "RIFF....WAVE");
        RecordedResponse response = new RecordedResponse();

        Answer.File.existing(file, "audio/wav", "gone").write(response.proxy(), false);

        assertEquals(200, response.status);
        assertEquals("audio/wav", response.type);
        assertEquals(12, response.contentLength);
        assertEquals("attachment; filename=\"welcome_en.wav\"", response.headers.get("Content-Disposition"));
        assertEquals("RIFF....WAVE", response.body.toString(StandardCharsets.US_ASCII));
    }
}
