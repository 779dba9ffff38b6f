package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.dialplane.launcher.Container;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Login, tokens and their rules (seed 000's Authentication, DESIGN section 4): typed, single-use refresh tokens,
 * expiry, signatures that cannot be forged or dropped, logout, and throttled password guessing.
 */
public class AuthIT extends DialplaneTestSupport {
    private static final String BUNDLES = "/pbxapi/system/bundles";
    private static final String RENEW = "/pbxapi/authenticate/renewtoken";

    /** A 2 s access token lifetime, so expiry can be observed. */
    @Override
    protected Option options() {
        return composite(database("AuthIT"), Logins.adminPassword(), frameworkProperty("dialplane.access.token.ttl").value("2"));
    }

    @Test
    public void whenLoggedInWithAForm_thenABearerTokenPair() {
        Http.Response response = Logins.login(http, "admin", Logins.ADMIN_PASSWORD);

        assertEquals(response.toString(), 200, response.status());
        JsonNode tokens = response.json();
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertEquals(2, tokens.get("expires_in").asInt());
        assertTrue(tokens.get("access_token").asText().split("\\.").length == 3);
        assertTrue(tokens.get("refresh_token").asText().split("\\.").length == 3);
    }

    @Test
    public void whenLoggedInWithJson_thenATokenPair() {
        Http.Response response = http.send("POST", "/pbxapi/authenticate",
                "{\"user\":\"admin\",\"password\":\"" + Logins.ADMIN_PASSWORD + "\"}",
                Map.of("Content-Type", "application/json"));

        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.json().hasNonNull("access_token"));
    }

    @Test
    public void whenPasswordIsWrong_then401ProblemJson() {
        Http.Response response = Logins.login(http, "admin", "not-the-password");

        assertEquals(401, response.status());
        ContainerIT.assertProblem(response, 401);
        assertEquals(200, Logins.login(http, "admin", Logins.ADMIN_PASSWORD).status());
    }

    @Test
    public void whenRequestHasNoCredentials_then401WithAChallenge() {
        Http.Response response = http.get(BUNDLES);

        assertEquals(401, response.status());
        ContainerIT.assertProblem(response, 401);
        assertTrue(response.header("www-authenticate"), response.header("www-authenticate").startsWith("Bearer"));
        assertEquals(200, http.get("/pbxapi/system/health").status());
    }

    @Test
    public void whenAccessTokenSent_thenTheBundleListOpens() {
        Http.Response response = http.send("GET", BUNDLES, null, Logins.bearer(Logins.adminToken(http)));

        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.json().get("results").size() > 10);
    }

    @Test
    public void whenAccessTokenExpired_then401SayingExpired() {
        String token = Logins.adminToken(http);
        Map<String, String> auth = Logins.bearer(token);
        assertEquals(200, http.send("GET", BUNDLES, null, auth).status());

        await("the 2 s access token expires", Duration.ofSeconds(10),
                () -> http.send("GET", BUNDLES, null, auth).status() == 401);

        Http.Response expired = http.send("GET", BUNDLES, null, auth);
        ContainerIT.assertProblem(expired, 401);
        assertTrue(expired.body(), expired.json().get("detail").asText().contains("expired"));
        assertTrue(expired.header("www-authenticate"), expired.header("www-authenticate").contains("expired"));
    }

    @Test
    public void whenRefreshTokenRenewed_thenRotatedAndItsReuseRevokesTheSession() {
        String first = Logins.adminTokens(http).get("refresh_token").asText();

        Http.Response renewed = http.get(RENEW + "?refresh_token=" + first);
        String access = renewed.json().get("access_token").asText();
        assertEquals(200, http.send("GET", BUNDLES, null, Logins.bearer(access)).status());
        assertEquals(renewed.toString(), 200, renewed.status());
        String second = renewed.json().get("refresh_token").asText();
        assertNotEquals(first, second);
        assertEquals("Bearer", renewed.json().get("token_type").asText());

        Http.Response replayed = http.get(RENEW + "?refresh_token=" + first);
        assertEquals(401, replayed.status());
        ContainerIT.assertProblem(replayed, 401);
        // The replay may be a thief's: the whole session is revoked, including the token rotated to and the
        // access tokens the session holds, which are refused before they expire.
        assertEquals(401, http.get(RENEW + "?refresh_token=" + second).status());
        Http.Response revoked = http.send("GET", BUNDLES, null, Logins.bearer(access));
        assertEquals(401, revoked.status());
        assertTrue(revoked.body(), revoked.json().get("detail").asText().contains("revoked"));
    }

    @Test
    public void whenRefreshTokenPosted_thenRenewed() {
        String refresh = Logins.adminTokens(http).get("refresh_token").asText();

        Http.Response renewed = http.send("POST", RENEW, "refresh_token=" + refresh,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertEquals(renewed.toString(), 200, renewed.status());
        assertTrue(renewed.json().hasNonNull("access_token"));
    }

    @Test
    public void whenRefreshTokenUsedAsAccessToken_thenNotAccepted() {
        String refresh = Logins.adminTokens(http).get("refresh_token").asText();

        Http.Response response = http.send("GET", BUNDLES, null, Logins.bearer(refresh));

        assertEquals(401, response.status());
        ContainerIT.assertProblem(response, 401);
    }

    @Test
    public void whenAccessTokenUsedAsRefreshToken_thenNotAccepted() {
        String access = Logins.adminToken(http);

        Http.Response response = http.get(RENEW + "?refresh_token=" + access);

        assertEquals(401, response.status());
        ContainerIT.assertProblem(response, 401);
    }

    @Test
    public void whenTokenIsTampered_thenRejected() {
        String token = Logins.adminToken(http);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + base64(claims.replace("\"admin\"", "\"root\"")) + "." + parts[2];
        assertEquals(200, http.send("GET", BUNDLES, null, Logins.bearer(token)).status());

        Http.Response response = http.send("GET", BUNDLES, null, Logins.bearer(forged));

        assertEquals(401, response.status());
        assertTrue(response.body(), response.json().get("detail").asText().contains("signature"));
    }

    @Test
    public void whenTokenIsUnsignedWithAlgNone_thenRejected() {
        String claims = Logins.adminToken(http).split("\\.")[1];
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + claims + ".";

        Http.Response response = http.send("GET", BUNDLES, null, Logins.bearer(unsigned));

        assertEquals(401, response.status());
        ContainerIT.assertProblem(response, 401);
    }

    @Test
    public void whenLoggedOut_thenTheSessionIsRevoked() {
        JsonNode tokens = Logins.adminTokens(http);
        String refresh = tokens.get("refresh_token").asText();
        String access = tokens.get("access_token").asText();
        assertEquals(200, http.send("GET", BUNDLES, null, Logins.bearer(access)).status());

        Http.Response logout = http.send("POST", "/pbxapi/authenticate/logout?refresh_token=" + refresh, null,
                Map.of());

        assertEquals(logout.toString(), 204, logout.status());
        assertEquals(401, http.get(RENEW + "?refresh_token=" + refresh).status());
        Http.Response revoked = http.send("GET", BUNDLES, null, Logins.bearer(access));
        assertEquals("the session's access token is refused before it expires", 401, revoked.status());
        assertTrue(revoked.body(), revoked.json().get("detail").asText().contains("revoked"));
    }

    @Test
    public void whenOneClientFailsToLogInRepeatedly_thenThrottled() throws IOException {
        // From 127.0.0.2, so that this client's lockout leaves the other tests' logins (from 127.0.0.1) alone.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, loginFrom("127.0.0.2", "wrong-" + i).status());
        }
        assertEquals(401, loginFrom("127.0.0.2", "wrong-last").status());

        Http.Response throttled = loginFrom("127.0.0.2", Logins.ADMIN_PASSWORD);
        assertEquals(429, throttled.status());
        assertTrue(throttled.toString(), Integer.parseInt(throttled.header("retry-after")) > 0);
        ContainerIT.assertProblem(throttled, 429);
        assertEquals(200, Logins.login(http, "admin", Logins.ADMIN_PASSWORD).status());
    }

    /** A login over a socket bound to the given local address (the JDK 17 HTTP client cannot choose one). */
    private Http.Response loginFrom(String localAddress, String password) throws IOException {
        int port = Integer.parseInt(context.getProperty(Container.HTTP_PORT_PROPERTY));
        String form = "user=admin&password=" + Logins.encode(password);
        String request = "POST /pbxapi/authenticate HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form;
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return RawHttp.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
