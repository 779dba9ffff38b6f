package org.dialplane.core.internal.auth;

import java.security.Principal;

import org.dialplane.core.auth.Caller;

import jakarta.ws.rs.core.SecurityContext;

/** The security context of an authenticated request: its principal is the {@link Caller}. */
final class CallerSecurityContext implements SecurityContext {
    /** Role of callers that see every tenant. */
    static final String GLOBAL = "global";
    /** Role of callers that may write. */
    static final String WRITE = "write";

    private final Caller caller;
    private final boolean secure;
    private final String scheme;

    CallerSecurityContext(Caller caller, boolean secure, String scheme) {
        this.caller = caller;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return GLOBAL.equals(role) && caller.global() || WRITE.equals(role) && !caller.readOnly();
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
