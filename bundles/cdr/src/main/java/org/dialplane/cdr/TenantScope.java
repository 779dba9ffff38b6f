package org.dialplane.cdr;

import org.dialplane.core.auth.Caller;

/**
 * The one tenant whose rows a request reads.
 *
 * @param id   the tenant's id
 * @param code the tenant's code
 */
record TenantScope(long id, String code) {

    /** A read-only tenant caller standing for the tenant, for core's rules that take a caller. */
    Caller asCaller(String name) {
        return new Caller(name, id, code, false, true);
    }
}
