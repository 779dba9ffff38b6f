package org.dialplane.cdr;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.dialplane.core.db.SqlFragment;

/** Whose a row of a log table is: as an SQL condition for one tenant, and as a tenant code for the admin format. */
interface Tenancy {

    /**
     * The condition that a row is the tenant's, evaluated by the database; {@code present} are the table's
     * columns (the query names the table {@code r}).
     */
    SqlFragment owned(TenantScope tenant, Set<String> present);

    /**
     * Turns the values of a row's {@link RecordTable#owners()} columns (in that order, null where the table lacks
     * one) into the code of the tenant the row is shown under in the admin format, or {@code ""} for none. Loaded
     * once per export.
     */
    Function<List<String>, String> owners();
}
