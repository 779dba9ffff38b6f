package org.dialplane.bench.load;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Single requests before the load: a login, and a check that a target serves a scenario at all. */
public final class Probe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Probe() {
    }

    /**
     * Logs in as {@code user}; the access token, or null with the reason printed when the product has no
     * login yet (scenarios that need a token are then skipped by their own probe).
     */
    public static String login(Target target, String user, String password) {
        String body = JSON.createObjectNode().put("user", user).put("password", password).toString();
        try (HttpConnection connection = target.connect()) {
            HttpConnection.Response response = connection.exchange(
                    target.encode(Request.postJson("/pbxapi/authenticate", body), false), true);
            if (response.status() != 200) {
                System.err.printf("note: no token from %s: POST /pbxapi/authenticate answered %d%s%n", target.name(),
                        response.status(), response.status() == 404 ? " (no login in this build)" : "");
                return null;
            }
            JsonNode token = JSON.readTree(response.body()).get("access_token");
            return token == null ? null : token.asText();
        } catch (IOException e) {
            System.err.printf("note: no token from %s: %s%n", target.name(), e);
            return null;
        }
    }

    /** Sends the scenario's first request once; skips the scenario when the status is not the expected one. */
    public static void check(Target target, Scenario scenario, Fixture.Context context)
            throws Fixture.SkippedException {
        Request request = scenario.plan().request(0, context);
        try (HttpConnection connection = target.connect()) {
            HttpConnection.Response response = connection.exchange(
                    target.encode(request, scenario.authenticated()), true);
            if (response.status() != scenario.expectedStatus()) {
                throw new Fixture.SkippedException(target.name() + " answered " + response.status() + " to "
                        + request + (response.status() == 404 ? " (not served by this build)" : "") + ": "
                        + excerpt(response.text()));
            }
        } catch (IOException e) {
            throw new Fixture.SkippedException(target.name() + " did not answer " + request + ": " + e);
        }
    }

    /** The start of a response body, on one line, for a skip message. */
    static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
