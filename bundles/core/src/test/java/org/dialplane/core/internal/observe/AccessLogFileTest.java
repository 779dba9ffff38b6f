package org.dialplane.core.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogFileTest {
    @TempDir
    Path home;

    @Test
    void whenMoreQueuedThanTheBound_thenEveryLineWrittenInOrder() throws Exception {
        Path path = home.resolve("log/access.log");
        int lines = AccessLogFile.MAX_QUEUED * 2 + 7; // more than the writer thread can have taken in between
        try (AccessLogFile file = new AccessLogFile(path, RequestRecord::requestId)) {
            for (int i = 0; i < lines; i++) {
                file.append(record("r" + i));
            }
        }

        assertEquals(IntStream.range(0, lines).mapToObj(i -> "r" + i).toList(), Files.readAllLines(path));
    }

    @Test
    void whenAppendedThenWriterRuns_thenLineInTheFileBeforeClose() throws Exception {
        Path path = home.resolve("log/access.log");
        try (AccessLogFile file = new AccessLogFile(path, RequestRecord::requestId)) {
            file.append(record("first"));
            file.write(); // what the writer thread does every WRITE_MILLIS

            assertEquals(List.of("first"), Files.readAllLines(path));
        }
    }

    private static RequestRecord record(String id) {
        return new RequestRecord(Instant.EPOCH, id, "GET", null, "HTTP/1.1", 200, 0, 0, null, "::1", null, null);
    }
}
