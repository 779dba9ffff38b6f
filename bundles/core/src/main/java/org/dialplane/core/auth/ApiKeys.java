package org.dialplane.core.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Authenticates an API key for code that serves HTTP outside core's REST application, where core's authentication
 * filter does not run: a servlet of its own (the MiRTA facade at {@code /pbx/proxyapi.php}), or a protocol that is
 * not HTTP. Resources under {@code /pbxapi} never need it: core authenticates their requests itself.
 */
@ProviderType
public interface ApiKeys {
    /**
     * The caller an API key speaks for, exactly as core's filter finds it for {@code ?key=}, {@code X-API-Key} or
     * {@code Authorization: Bearer}.
     *
     * @throws org.dialplane.core.rest.ApiException 401 for a key that is missing, malformed, unknown or revoked; 403
     *         when the key's tenant is disabled; 503 (with Retry-After) when keys cannot be checked right now
     */
    Caller authenticate(String key);
}
