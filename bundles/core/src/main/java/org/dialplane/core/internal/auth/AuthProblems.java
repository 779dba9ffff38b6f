package org.dialplane.core.internal.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/** The problem+json answers of authentication, with the headers RFC 6750 and RFC 6585 ask for. */
public final class AuthProblems {
    private AuthProblems() {
    }

    /** 401 with a {@code WWW-Authenticate} challenge; the detail says what was wrong (e.g. "expired"). */
    public static ApiException unauthorized(String detail) {
        return unauthorized(detail, null);
    }

    static ApiException unauthorized(String detail, TokenRejected.Reason reason) {
        String challenge = reason == null ? "Bearer realm=\"dialplane\""
                : "Bearer realm=\"dialplane\", error=\"invalid_token\", error_description=\""
                        + (reason == TokenRejected.Reason.EXPIRED ? "expired" : "invalid") + "\"";
        return new ApiException(new Problem("about:blank", ApiException.reason(401), 401, detail, List.of()),
                Map.of("WWW-Authenticate", challenge));
    }

    static ApiException rejected(TokenRejected rejected) {
        return unauthorized(rejected.getMessage(), rejected.reason());
    }

    /** 429 with the seconds to wait in {@code Retry-After}. */
    static ApiException tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiException(new Problem("about:blank", ApiException.reason(429), 429,
                "Too many failed logins from this client; try again in " + seconds + " s", List.of()),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
