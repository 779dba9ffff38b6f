package org.dialplane.core.db;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

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

    /**
     * Creates or updates a bundle's own tables: applies its entries {@code db/migration/V<n>__<name>.sql}
     * that are pending, each once and in version order, recorded under the bundle's symbolic name (each bundle
     * numbers its own from 1), under the same server lock as core's migrations, in the PBX database. Call it
     * from the activation of the component that uses the tables: it is cheap when nothing is pending, and a
     * failure throws, so the component does not start half-migrated. Tables are never dropped when the bundle
     * goes: a bundle deployed again finds its data.
     *
     * @return the bundle's schema version reached (0 when it ships no migration)
     * @throws DatabaseException when a migration fails or the database cannot be reached
     */
    int migrate(Bundle bundle);
}
