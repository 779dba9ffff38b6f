package org.dialplane.core.internal.auth;

/** A token that must not be accepted, and why. */
final class TokenRejected extends Exception {
    private static final long serialVersionUID = 1L;

    enum Reason {
        MALFORMED, BAD_SIGNATURE, WRONG_TYPE, EXPIRED, REVOKED
    }

    private final Reason reason;

    TokenRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
