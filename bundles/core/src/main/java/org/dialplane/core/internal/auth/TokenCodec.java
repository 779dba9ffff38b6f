package org.dialplane.core.internal.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.internal.auth.TokenRejected.Reason;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs and verifies tokens: HS256 JWTs (nimbus-jose-jwt) with the installation's own secret. Only HS256 is
 * accepted, so {@code alg: none} and algorithm substitution are refused before any signature is checked; expiry
 * is judged by the given clock.
 */
final class TokenCodec {
    static final String ISSUER = "dialplane";
    private static final String SESSION = "sid";
    private static final String TENANT_ID = "tenant_id";
    private static final String TENANT_CODE = "tenant";
    private static final String GLOBAL = "global";
    private static final String READ_ONLY = "read_only";
    /** Verified tokens kept; past this, the memory is emptied (expired tokens go with it). */
    static final int MAX_VERIFIED = 1024;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    /**
     * Tokens whose signature and claims were already verified, by their exact text: a client sends the same
     * access token with every request, and parsing and checking it again was most of what authentication cost.
     * Only genuine tokens get in, the secret of this codec never changes, and expiry and revocation are still
     * judged at every use.
     */
    private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();

    /** @param secret at least 32 bytes (HS256 needs a 256-bit key) */
    TokenCodec(byte[] secret, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The signing secret is too short for HS256", e);
        }
        this.clock = clock;
    }

    String issue(TokenClaims claims) {
        Caller caller = claims.caller();
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(caller.name())
                .jwtID(claims.id())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim(TokenType.CLAIM, claims.type().claim)
                .claim(SESSION, claims.session())
                .claim(TENANT_ID, caller.tenantId())
                .claim(TENANT_CODE, caller.tenantCode())
                .claim(GLOBAL, caller.global())
                .claim(READ_ONLY, caller.readOnly())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(claims.type().header).build(),
                body);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a genuine, unexpired token of the expected type. */
    TokenClaims verify(String token, TokenType expected) throws TokenRejected {
        TokenClaims claims = verifyIgnoringExpiry(token, expected);
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new TokenRejected(Reason.EXPIRED, "The " + expected.claim + " token has expired");
        }
        return claims;
    }

    /** Like {@link #verify}, but accepts an expired token (for logout, which may come late). */
    TokenClaims verifyIgnoringExpiry(String token, TokenType expected) throws TokenRejected {
        TokenClaims known = verified.get(token);
        if (known != null && known.type() == expected) {
            return known;
        }
        TokenClaims claims = verifyText(token, expected);
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(token, claims);
        return claims;
    }

    private TokenClaims verifyText(String token, TokenType expected) throws TokenRejected {
        SignedJWT jwt = parseSigned(token);
        try {
            if (!jwt.verify(verifier)) {
                throw new TokenRejected(Reason.BAD_SIGNATURE, "The token's signature is not valid");
            }
        } catch (JOSEException e) {
            throw new TokenRejected(Reason.BAD_SIGNATURE, "The token's signature cannot be verified");
        }
        JWTClaimsSet body;
        try {
            body = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejected(Reason.MALFORMED, "The token's claims cannot be read");
        }
        if (!expected.header.equals(jwt.getHeader().getType()) || !expected.claim.equals(body.getClaim(
                TokenType.CLAIM))) {
            throw new TokenRejected(Reason.WRONG_TYPE, "This is not " + article(expected) + " token");
        }
        return claims(expected, body);
    }

    private static SignedJWT parseSigned(String token) throws TokenRejected {
        SignedJWT jwt;
        try {
            // SignedJWT.parse refuses unsecured ("alg": "none") tokens: their header has no signature algorithm.
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejected(Reason.MALFORMED, "The token is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new TokenRejected(Reason.BAD_SIGNATURE, "The token's algorithm is not accepted");
        }
        return jwt;
    }

    private static TokenClaims claims(TokenType type, JWTClaimsSet body) throws TokenRejected {
        try {
            Date issued = body.getIssueTime();
            Date expires = body.getExpirationTime();
            String session = body.getStringClaim(SESSION);
            Long tenantId = body.getLongClaim(TENANT_ID);
            Boolean global = body.getBooleanClaim(GLOBAL);
            Boolean readOnly = body.getBooleanClaim(READ_ONLY);
            if (!ISSUER.equals(body.getIssuer()) || body.getSubject() == null || body.getJWTID() == null
                    || issued == null || expires == null || session == null || tenantId == null || global == null
                    || readOnly == null) {
                throw new TokenRejected(Reason.MALFORMED, "The token lacks required claims");
            }
            Caller caller = new Caller(body.getSubject(), tenantId, body.getStringClaim(TENANT_CODE), global,
                    readOnly);
            return new TokenClaims(type, body.getJWTID(), session, issued.toInstant(), expires.toInstant(), caller);
        } catch (ParseException e) {
            throw new TokenRejected(Reason.MALFORMED, "The token has a claim of the wrong type");
        }
    }

    private static String article(TokenType type) {
        return type == TokenType.ACCESS ? "an access" : "a refresh";
    }

    Instant now() {
        return clock.instant();
    }
}
