package org.dialplane.core.internal.auth;

import java.time.Instant;

import org.dialplane.core.auth.Caller;

/**
 * What a token says.
 *
 * @param type      access or refresh
 * @param id        the token's own id ({@code jti}); a refresh token is consumed by it
 * @param session   the login session ({@code sid}) every token of one login and its renewals shares
 * @param issuedAt  when it was issued
 * @param expiresAt when it stops being accepted
 * @param caller    who it speaks for
 */
record TokenClaims(TokenType type, String id, String session, Instant issuedAt, Instant expiresAt, Caller caller) {
}
