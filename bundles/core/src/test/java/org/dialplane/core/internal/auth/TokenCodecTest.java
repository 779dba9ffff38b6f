package org.dialplane.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.internal.auth.TokenRejected.Reason;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Caller ADMIN = new Caller("admin", 1, "default", true, false);

    private final byte[] secret = filled(64, (byte) 7);
    private final MutableClock clock = new MutableClock(START);
    private final TokenCodec codec = new TokenCodec(secret, clock);

    @Test
    void whenAccessTokenIssued_thenItVerifiesWithItsCaller() throws TokenRejected {
        String token = codec.issue(claims(TokenType.ACCESS, Duration.ofMinutes(5)));

        TokenClaims verified = codec.verify(token, TokenType.ACCESS);

        assertEquals(ADMIN, verified.caller());
        assertEquals("session-1", verified.session());
        assertEquals(START.plus(Duration.ofMinutes(5)), verified.expiresAt());
    }

    @Test
    void whenRefreshTokenPresentedAsAccess_thenRejectedAsWrongType() {
        String refresh = codec.issue(claims(TokenType.REFRESH, Duration.ofHours(1)));

        assertEquals(Reason.WRONG_TYPE, assertThrows(TokenRejected.class,
                () -> codec.verify(refresh, TokenType.ACCESS)).reason());
    }

    @Test
    void whenAccessTokenPresentedAsRefresh_thenRejectedAsWrongType() {
        String access = codec.issue(claims(TokenType.ACCESS, Duration.ofHours(1)));

        assertEquals(Reason.WRONG_TYPE, assertThrows(TokenRejected.class,
                () -> codec.verify(access, TokenType.REFRESH)).reason());
    }

    @Test
    void whenTokenOutlivesItsTtl_thenRejectedAsExpired() {
        String token = codec.issue(claims(TokenType.ACCESS, Duration.ofSeconds(2)));
        clock.advance(Duration.ofSeconds(2));

        TokenRejected rejected = assertThrows(TokenRejected.class, () -> codec.verify(token, TokenType.ACCESS));

        assertEquals(Reason.EXPIRED, rejected.reason());
        assertEquals(true, rejected.getMessage().contains("expired"));
    }

    @Test
    void whenExpiredRefreshTokenVerifiedForLogout_thenAccepted() throws TokenRejected {
        String token = codec.issue(claims(TokenType.REFRESH, Duration.ofSeconds(2)));
        clock.advance(Duration.ofMinutes(1));

        assertEquals("session-1", codec.verifyIgnoringExpiry(token, TokenType.REFRESH).session());
    }

    @Test
    void whenVerifiedTokenUsedAgainAfterItsTtl_thenRejectedAsExpired() throws TokenRejected {
        String token = codec.issue(claims(TokenType.ACCESS, Duration.ofSeconds(2)));
        codec.verify(token, TokenType.ACCESS);
        clock.advance(Duration.ofSeconds(2));

        assertEquals(Reason.EXPIRED, assertThrows(TokenRejected.class,
                () -> codec.verify(token, TokenType.ACCESS)).reason());
    }

    @Test
    void whenVerifiedAccessTokenPresentedAsRefresh_thenRejectedAsWrongType() throws TokenRejected {
        String access = codec.issue(claims(TokenType.ACCESS, Duration.ofHours(1)));
        codec.verify(access, TokenType.ACCESS);

        assertEquals(Reason.WRONG_TYPE, assertThrows(TokenRejected.class,
                () -> codec.verify(access, TokenType.REFRESH)).reason());
    }

    @Test
    void whenManyTokensVerified_thenEachStillVerifies() throws TokenRejected {
        for (int i = 0; i <= TokenCodec.MAX_VERIFIED; i++) {
            clock.advance(Duration.ofSeconds(1)); // a new issue time: a token of its own
            String token = codec.issue(claims(TokenType.ACCESS, Duration.ofMinutes(5)));
            assertEquals(ADMIN, codec.verify(token, TokenType.ACCESS).caller());
            assertEquals(ADMIN, codec.verify(token, TokenType.ACCESS).caller());
        }
    }

    @Test
    void whenPayloadTampered_thenSignatureRejected() {
        String token = codec.issue(claims(TokenType.ACCESS, Duration.ofMinutes(5)));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"admin\"", "\"root\"");
        String tampered = parts[0] + "." + b64(forged) + "." + parts[2];

        assertEquals(Reason.BAD_SIGNATURE, assertThrows(TokenRejected.class,
                () -> codec.verify(tampered, TokenType.ACCESS)).reason());
    }

    @Test
    void whenSignedWithAnotherSecret_thenRejected() {
        TokenCodec other = new TokenCodec(filled(64, (byte) 8), clock);
        String token = other.issue(claims(TokenType.ACCESS, Duration.ofMinutes(5)));

        assertEquals(Reason.BAD_SIGNATURE, assertThrows(TokenRejected.class,
                () -> codec.verify(token, TokenType.ACCESS)).reason());
    }

    @Test
    void whenAlgorithmIsNone_thenRejected() {
        String token = codec.issue(claims(TokenType.ACCESS, Duration.ofMinutes(5)));
        String payload = token.split("\\.")[1];
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + payload + ".";

        assertThrows(TokenRejected.class, () -> codec.verify(unsigned, TokenType.ACCESS));
    }

    @Test
    void whenAlgorithmSwappedToHs512_thenRejected() {
        String token = codec.issue(claims(TokenType.ACCESS, Duration.ofMinutes(5)));
        String[] parts = token.split("\\.");
        String swapped = b64("{\"alg\":\"HS512\",\"typ\":\"at+jwt\"}") + "." + parts[1] + "." + parts[2];

        assertThrows(TokenRejected.class, () -> codec.verify(swapped, TokenType.ACCESS));
    }

    @Test
    void whenTokenIsGarbage_thenRejectedAsMalformed() {
        assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class,
                () -> codec.verify("not-a-token", TokenType.ACCESS)).reason());
    }

    @Test
    void whenSecretTooShortForHs256_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenCodec(filled(16, (byte) 1), clock));
    }

    private TokenClaims claims(TokenType type, Duration ttl) {
        return new TokenClaims(type, "id-" + type, "session-1", clock.instant(), clock.instant().plus(ttl), ADMIN);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
