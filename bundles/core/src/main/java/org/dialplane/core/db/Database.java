package org.dialplane.core.db;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The databases of the PBX, pooled. Registered by core once both are reachable and migrated, so a
 * component that references it starts only when it can work.
 */
@ProviderType
public interface Database {

    /** The IssabelPBX/FreePBX configuration database ({@code asterisk}). */
    DataSource pbx();

    /** The call detail records database ({@code asteriskcdrdb}: {@code cdr}, {@code queue_log}). */
    DataSource cdr();
}
