package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The request id in the server's own log (log/dialplane.log, written by logback from the distribution's
 * etc/logback.xml): a line logged while a request is served ends with {@code request_id=<id>}, the id offered in
 * X-Request-Id or the one generated and returned; so does the apply that a request asked for, run later on core's
 * apply thread. Lines not about a request carry none, and a password never shows.
 */
public class RequestLogIT extends DialplaneTestSupport {

    @Override
    protected Option options() {
        return composite(database("RequestLogIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Test
    public void whenRequestOffersAnId_thenItsLogLineCarriesIt() {
        String id = "abc123-failed-login";
        Http.Response answer = http.send("POST", "/pbxapi/authenticate",
                "user=nobody-offered&password=not-the-password-7781",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Request-Id", id));

        assertEquals(answer.toString(), 401, answer.status());
        assertEquals(id, answer.header("X-Request-Id"));
        String line = awaitLine("Failed login for user 'nobody-offered'");
        assertTrue(line, line.endsWith(" request_id=" + id));
        assertTrue(line, line.contains("[INFO] org.dialplane.core.internal.auth.LoginService - "));
        assertFalse("no password in the log: " + line, log().stream().anyMatch(l -> l.contains("7781")));
    }

    @Test
    public void whenRequestOffersNoId_thenTheGeneratedOneIsInTheAnswerAndTheLogLine() {
        Http.Response answer = Logins.login(http, "nobody-generated", "not-the-password");

        assertEquals(answer.toString(), 401, answer.status());
        String id = answer.header("X-Request-Id");
        assertTrue(id, id.matches("[0-9a-f]{32}"));
        assertEquals(id, answer.json().get("requestId").asText());
        String line = awaitLine("Failed login for user 'nobody-generated'");
        assertTrue(line, line.endsWith(" request_id=" + id));
    }

    @Test
    public void whenRequestAsksForAnApply_thenTheApplyThreadLogsItsId() {
        String id = "abc123-apply-" + System.nanoTime();
        Http.Response answer = asAdmin().send("POST", "/pbxapi/applychanges", null, Map.of("X-Request-Id", id));

        assertEquals(answer.toString(), 202, answer.status());
        await("the apply's line names request " + id, () -> log().stream()
                .anyMatch(l -> l.contains("apply changes (command): success in ") && l.contains("request_id=" + id)));
    }

    @Test
    public void whenNoRequestIsServed_thenLinesCarryNoId() {
        String line = awaitLine("Database ready in ");
        assertFalse(line, line.contains("request_id="));
        assertTrue(line, line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[INFO] \\S+ - .*"));
    }

    /** The last line containing {@code text}, once there is one. */
    private String awaitLine(String text) {
        await("log/dialplane.log has a line with " + text, () -> find(text).isPresent());
        return find(text).orElseThrow();
    }

    private Optional<String> find(String text) {
        return log().stream().filter(l -> l.contains(text)).reduce((a, b) -> b);
    }

    private List<String> log() {
        Path file = Path.of(context.getProperty("dialplane.home")).resolve("log/dialplane.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
