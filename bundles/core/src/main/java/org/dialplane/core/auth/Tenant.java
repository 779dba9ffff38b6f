package org.dialplane.core.auth;

/**
 * A tenant: a customer of a multi-tenant PBX host, owning its own objects. A fresh installation has one,
 * {@value Tenants#DEFAULT}, owning everything.
 *
 * @param id         the tenant's number ({@link Caller#tenantId()})
 * @param code       the short unique code, used as a prefix where the PBX needs one
 * @param name       a human-readable name
 * @param enabled    whether the tenant's keys and users are accepted
 * @param rangeStart the first extension number of the tenant's range, or {@code null} for none
 * @param rangeEnd   the last extension number of the tenant's range, or {@code null} for none
 */
public record Tenant(long id, String code, String name, boolean enabled, Long rangeStart, Long rangeEnd) {

    /** Whether the tenant has an extension range, where resources pick the next free number for it. */
    public boolean hasRange() {
        return rangeStart != null && rangeEnd != null;
    }
}
