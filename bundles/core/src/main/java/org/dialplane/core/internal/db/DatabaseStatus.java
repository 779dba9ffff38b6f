package org.dialplane.core.internal.db;

import java.util.Map;

/** The state of the database connection, for the health endpoint and the readiness of the API. */
public interface DatabaseStatus {

    /** E.g. {@code {"state": "up", "schema_version": 1}}; never a URL, user or password. */
    Map<String, Object> describe();

    /**
     * {@code starting}, {@code unavailable} (not reached yet), {@code not_configured}, {@code up}, or
     * {@code unreachable} (was up, the pool's last validation failed).
     */
    String state();

    /** Migrated, and the pool's last validation (at most about a second old) succeeded. Never blocks. */
    boolean usable();
}
