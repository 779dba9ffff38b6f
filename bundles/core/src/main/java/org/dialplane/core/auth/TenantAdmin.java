package org.dialplane.core.auth;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tenants as {@code /pbxapi/tenants} manages them, for callers in the same container (the MiRTA facade's
 * {@code MANAGEDB TENANT}, vendor bundles). Only global callers (the admin user, global API keys) may use it, and
 * only read-write ones may change anything; the rules and errors are the endpoint's.
 * <p>
 * Fields are named and checked as the endpoint's JSON body: {@code code}, {@code name}, {@code enabled},
 * {@code range_start}, {@code range_end} (digits may come as strings); a field not sent keeps its value, and
 * {@code range_start}/{@code range_end} sent as {@code null} remove the range.
 *
 * @see Tenants for the lookups every caller may use
 */
@ProviderType
public interface TenantAdmin {
    /**
     * Every tenant, by id.
     *
     * @throws org.dialplane.core.rest.ApiException 403 for a tenant's caller
     */
    List<Tenant> list(Caller caller);

    /**
     * A tenant by its numeric id or its code.
     *
     * @throws org.dialplane.core.rest.ApiException 403 for a tenant's caller, 404 when there is none
     */
    Tenant get(String reference, Caller caller);

    /**
     * Creates a tenant.
     *
     * @throws org.dialplane.core.rest.ApiException 403 unless a global read-write caller, 422 listing every field at
     *         fault, 409 for a code in use or a range overlapping another tenant's
     */
    Tenant create(Map<String, ?> fields, Caller caller);

    /**
     * Changes the fields sent of a tenant (by id or code); its code cannot change.
     *
     * @return the tenant as it now is
     * @throws org.dialplane.core.rest.ApiException as {@link #create}, and 404 when there is no such tenant
     */
    Tenant update(String reference, Map<String, ?> fields, Caller caller);

    /**
     * Deletes a tenant that owns nothing (no objects, API keys or users).
     *
     * @throws org.dialplane.core.rest.ApiException 403 unless a global read-write caller, 404 when there is none, 409
     *         for the default tenant or one still in use
     */
    void delete(String reference, Caller caller);
}
