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

    /**
     * Refuses a read-only caller (403). The HTTP filter applies it to every write; a service that in-process
     * callers use applies it itself.
     */
    public void requireWriter() {
        if (readOnly) {
            throw ApiException.forbidden("This caller may only read");
        }
    }

    /** Refuses a tenant's caller (403): for what only the admin user and global keys may do. */
    public void requireGlobal() {
        if (!global) {
            throw ApiException.forbidden("Only global callers (the admin user, global API keys) may do this");
        }
    }

    /** Whether this caller may see objects owned by the given tenant. */
    public boolean sees(long ownerTenantId) {
        return global || ownerTenantId == tenantId;
    }
}
