package org.dialplane.core.internal.db;

import java.util.Map;

/** The state of the database connection, for the health endpoint. */
public interface DatabaseStatus {

    /** E.g. {@code {"state": "up", "schema_version": 1}}; never a URL, user or password. */
    Map<String, Object> describe();
}
