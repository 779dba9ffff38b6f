package org.dialplane.core.internal.auth;

import java.sql.SQLException;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.internal.audit.AuditFilter;
import org.dialplane.core.internal.auth.keys.ApiKeyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Finds the credential of a request and the caller it proves: an access token or an API key in
 * {@code Authorization: Bearer}, an API key in {@code X-API-Key}, or an API key as {@code ?key=} (as MiRTA's
 * proxyapi takes it). The first present, in that order, is the only one considered.
 */
@Component(service = RequestAuthenticator.class)
public class RequestAuthenticator {
    static final String API_KEY_HEADER = "X-API-Key";
    static final String API_KEY_PARAMETER = "key";
    private static final String BEARER = "Bearer ";

    private final SessionTokens sessions;
    private final ApiKeyService keys;

    @Activate
    public RequestAuthenticator(@Reference SessionTokens sessions, @Reference ApiKeyService keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    /** The security context of the request's caller; 401 if there is no valid credential. */
    public SecurityContext authenticate(ContainerRequestContext request) throws SQLException {
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw AuthProblems.unauthorized("Only Bearer authorization is accepted");
            }
            String credential = authorization.substring(BEARER.length()).trim();
            if (ApiKeyService.looksLikeKey(credential)) {
                noteKey(request, credential);
                return new CallerSecurityContext(keys.authenticate(credential), secure, "ApiKey");
            }
            return new CallerSecurityContext(accessToken(credential), secure, "Bearer");
        }
        String key = request.getHeaderString(API_KEY_HEADER);
        if (key == null) {
            key = request.getUriInfo().getQueryParameters().getFirst(API_KEY_PARAMETER);
        }
        if (key == null) {
            throw AuthProblems.unauthorized(
                    "Authentication required: an access token or an API key (Authorization: Bearer, X-API-Key, ?key=)");
        }
        noteKey(request, key);
        return new CallerSecurityContext(keys.authenticate(key), secure, "ApiKey");
    }

    /** Names the key presented (its id, never its secret) for the audit log, before it is checked. */
    private static void noteKey(ContainerRequestContext request, String key) {
        ApiKeyService.idOf(key).ifPresent(id -> request.setProperty(AuditFilter.KEY_ID, id));
    }

    private Caller accessToken(String token) {
        try {
            return sessions.verifyAccess(token);
        } catch (TokenRejected rejected) {
            throw AuthProblems.rejected(rejected);
        }
    }
}
