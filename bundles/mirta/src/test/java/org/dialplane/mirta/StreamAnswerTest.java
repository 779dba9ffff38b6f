package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

/** INFO CDRS's export: streamed as the provider writes it, and its refusal before the first byte still MiRTA's. */
class StreamAnswerTest {

    @Test
    void whenTheProviderRefusesBeforeWriting_thenErrorLineWithItsStatusAndNoAttachment() throws Exception {
        RecordedResponse response = new RecordedResponse();
        new Answer.Stream("text/csv", "cdrs-all.csv", out -> {
            throw ApiException.unavailable("Too many exports at once", 30);
        }).write(response.proxy(), false);

        assertEquals(503, response.status);
        assertEquals("Error|Too many exports at once|", response.body.toString(StandardCharsets.UTF_8));
        assertEquals("30", response.headers.get("Retry-After"));
        assertNull(response.headers.get("Content-Disposition"));
        assertEquals(Answer.TEXT, response.type);
    }

    @Test
    void whenTheProviderWrites_thenItsBytesAsAnAttachment() throws Exception {
        RecordedResponse response = new RecordedResponse();
        new Answer.Stream("text/csv", "cdrs-DEVEL-2017-01-01.csv", out -> out.write("a,b\r\n".getBytes()))
                .write(response.proxy(), false);

        assertEquals(200, response.status);
        assertEquals("a,b\r\n", response.body.toString(StandardCharsets.UTF_8));
        assertEquals("attachment; filename=\"cdrs-DEVEL-2017-01-01.csv\"", response.headers.get("Content-Disposition"));
        assertEquals("text/csv", response.type);
    }
}
