package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the bulk import ITs share: posting a CSV, the job an import answers with, and the applies it requested. */
final class ImportJobs {
    static final Duration JOB_DEADLINE = Duration.ofSeconds(120);

    private ImportJobs() {
    }

    static Http.Response postCsv(Http client, String path, String csv) {
        return client.send("POST", path, csv, Map.of("Content-Type", "text/csv"));
    }

    /** The job's path from a 202's Location. */
    static String path(Http.Response accepted) {
        String location = accepted.header("location");
        assertNotNull(accepted.toString(), location);
        return location.substring(location.indexOf("/pbxapi/"));
    }

    /** Polls the job until it ends, with a deadline. */
    static JsonNode awaitJob(Http client, String job) {
        return awaitJob(client, job, new ArrayList<>());
    }

    /** Polls the job until it ends (with a deadline), keeping each state seen. */
    static JsonNode awaitJob(Http client, String job, List<JsonNode> seen) {
        JsonNode[] last = new JsonNode[1];
        DialplaneTestSupport.await("job " + job + " ends", JOB_DEADLINE, () -> {
            Http.Response response = client.get(job);
            assertEquals(response.toString(), 200, response.status());
            last[0] = response.json();
            seen.add(last[0]);
            return !"running".equals(last[0].get("state").asText());
        });
        return last[0];
    }

    /** Lines the apply command (an {@code echo} into this file) has written so far. */
    static int applies(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).size() : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
