package org.dialplane.core.internal.auth.keys;

import java.time.Instant;

/**
 * An API key as stored, without its secret.
 *
 * @param id         the public id, part of the key text
 * @param name       what the key is for, chosen by its creator
 * @param tenantId   the tenant the key is limited to, or {@code null} for a global key
 * @param tenantCode that tenant's code, or {@code null} for a global key
 * @param readOnly   whether the key may only read
 * @param created    when it was made
 * @param lastUsed   when it last authenticated a request (to the minute), or {@code null}
 */
record ApiKey(String id, String name, Long tenantId, String tenantCode, boolean readOnly, Instant created,
        Instant lastUsed) {

    boolean global() {
        return tenantId == null;
    }
}
