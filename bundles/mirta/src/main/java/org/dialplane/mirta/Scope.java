package org.dialplane.mirta;

import java.util.Optional;
import java.util.function.Function;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.ApiException;

/**
 * The caller a request acts for, from its key's caller and its {@code tenant=}. A tenant's key acts for its own
 * tenant only: its own code (in any case), {@code %} (MiRTA's "every tenant", which for a tenant is itself) or no
 * tenant at all; another code is refused (403). A global key acts for the tenant it names, as that tenant's caller,
 * so that everything it does (extensions seen, variables prefixed with the code) is that tenant's; with no tenant,
 * or {@code %}, it acts for the whole installation.
 */
final class Scope {
    static final String ALL_TENANTS = "%";

    private Scope() {
    }

    /**
     * @param byCode finds a tenant by its code (core's {@code Tenants})
     * @throws ApiException 403 for a tenant key naming another tenant, 404 for a global key naming no tenant
     */
    static Caller of(Caller key, String tenant, Function<String, Optional<Tenant>> byCode) {
        if (tenant == null || tenant.equals(ALL_TENANTS)) {
            return key;
        }
        if (!key.global()) {
            if (tenant.equalsIgnoreCase(key.tenantCode())) {
                return key;
            }
            throw ApiException.forbidden("This key acts for tenant " + key.tenantCode() + " only");
        }
        Tenant named = byCode.apply(tenant).orElseThrow(() -> ApiException.notFound("No tenant " + tenant));
        return new Caller(key.name(), named.id(), named.code(), false, key.readOnly());
    }
}
