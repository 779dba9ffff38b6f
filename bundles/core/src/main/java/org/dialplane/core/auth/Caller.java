package org.dialplane.core.auth;

import java.security.Principal;

import org.dialplane.core.rest.ApiException;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The authenticated caller of a request.
 *
 * @param name       the user name, or the API key's name
 * @param tenantId   the caller's tenant ({@code default} for global callers)
 * @param tenantCode the tenant's code, used as a prefix where the PBX needs one
 * @param global     whether the caller sees every tenant (the admin user and global API keys)
 * @param readOnly   whether the caller may only read
 */
public record Caller(String name, long tenantId, String tenantCode, boolean global, boolean readOnly)
        implements Principal {

    @Override
    public String getName() {
        return name;
    }

    /** The caller of the request whose security context this is. */
    public static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new ApiException(401, "Authentication required");
    }

    /** Whether this caller may see objects owned by the given tenant. */
    public boolean sees(long ownerTenantId) {
        return global || ownerTenantId == tenantId;
    }
}
