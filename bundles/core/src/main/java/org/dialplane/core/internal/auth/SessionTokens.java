package org.dialplane.core.internal.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.internal.auth.TokenRejected.Reason;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Login sessions and their tokens: issues an access/refresh pair per login, rotates the refresh token on each
 * renewal (each is single-use; replaying one revokes the session), revokes a session on logout, and checks
 * access tokens, including that their session was not revoked.
 */
@Component(service = SessionTokens.class)
public class SessionTokens {
    static final String SIGNING_SECRET = "jwt.hs256";

    /** Who a user is now: renewals pick up a user disabled or changed since the login. */
    @FunctionalInterface
    interface CurrentCallers {
        Optional<Caller> find(String name) throws SQLException;
    }

    private final TokenCodec codec;
    private final RefreshTokenStore store;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;
    /** Revoked sessions, until the last access token they may have issued has expired. */
    private final Map<String, Instant> revokedSessions = new ConcurrentHashMap<>();

    @Activate
    public SessionTokens(@Reference Database database, BundleContext context) throws SQLException {
        this(new SecretStore(database.pbx()).getOrCreate(SIGNING_SECRET, 64), new RefreshTokenStore(database.pbx()),
                AuthSettings.from(context), Clock.systemUTC());
    }

    SessionTokens(byte[] secret, RefreshTokenStore store, AuthSettings settings, Clock clock) throws SQLException {
        this.codec = new TokenCodec(secret, clock);
        this.store = store;
        this.accessTtl = settings.accessTokenTtl();
        this.refreshTtl = settings.refreshTokenTtl();
        this.clock = clock;
        Instant now = clock.instant();
        for (String session : store.sessionsRevokedSince(now.minus(accessTtl))) {
            revokedSessions.put(session, now.plus(accessTtl));
        }
    }

    /** A new session for a caller who just proved who they are. */
    TokenPair open(Caller caller) throws SQLException {
        store.purgeExpiredBefore(clock.instant().minus(accessTtl));
        return issue(caller, UUID.randomUUID().toString());
    }

    /** A new pair for a refresh token, which is used up by this. */
    TokenPair rotate(String refreshToken, CurrentCallers callers) throws TokenRejected, SQLException {
        TokenClaims refresh = codec.verify(refreshToken, TokenType.REFRESH);
        switch (store.consume(refresh.id(), clock.instant())) {
            case CONSUMED -> {
                Optional<Caller> caller = callers.find(refresh.caller().name());
                if (caller.isEmpty()) {
                    revoke(refresh.session());
                    throw new TokenRejected(Reason.REVOKED, "The user of this refresh token may no longer log in");
                }
                return issue(caller.get(), refresh.session());
            }
            case REPLAYED -> {
                revoke(refresh.session());
                throw new TokenRejected(Reason.REVOKED,
                        "This refresh token was already used or revoked; its session is now revoked");
            }
            default -> throw new TokenRejected(Reason.REVOKED, "This refresh token is not known");
        }
    }

    /** Ends the session of a refresh token (logout); an expired token may still end its session. */
    void close(String refreshToken) throws TokenRejected, SQLException {
        revoke(codec.verifyIgnoringExpiry(refreshToken, TokenType.REFRESH).session());
    }

    Caller verifyAccess(String accessToken) throws TokenRejected {
        TokenClaims access = codec.verify(accessToken, TokenType.ACCESS);
        Instant until = revokedSessions.get(access.session());
        if (until != null) {
            if (clock.instant().isBefore(until)) {
                throw new TokenRejected(Reason.REVOKED, "The session of this access token has been revoked");
            }
            revokedSessions.remove(access.session(), until);
        }
        return access.caller();
    }

    private void revoke(String session) throws SQLException {
        Instant now = clock.instant();
        store.revokeSession(session, now);
        revokedSessions.values().removeIf(until -> until.isBefore(now));
        revokedSessions.put(session, now.plus(accessTtl));
    }

    private TokenPair issue(Caller caller, String session) throws SQLException {
        Instant now = clock.instant();
        TokenClaims access = new TokenClaims(TokenType.ACCESS, UUID.randomUUID().toString(), session, now,
                now.plus(accessTtl), caller);
        TokenClaims refresh = new TokenClaims(TokenType.REFRESH, UUID.randomUUID().toString(), session, now,
                now.plus(refreshTtl), caller);
        store.add(refresh);
        return new TokenPair(codec.issue(access), accessTtl.toSeconds(), codec.issue(refresh));
    }
}
