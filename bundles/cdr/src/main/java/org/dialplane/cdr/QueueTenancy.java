package org.dialplane.cdr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Ownership;

/**
 * Whose a queue log row is: its queue's owner in Dialplane's tenancy ({@code dp_tenant_objects}, kind
 * {@value #KIND}; IssabelPBX's {@code queues_config} without an owner row is the {@code default} tenant's). Rows
 * of no queue ({@code NONE}: agent logins and the like) are no tenant's.
 */
final class QueueTenancy implements Tenancy {
    /** The owner kind of queues, as the tenancy table names them. */
    static final String KIND = "queue";
    static final List<String> COLUMNS = List.of("queuename");

    private final Jdbc pbx;

    QueueTenancy(Jdbc pbx) {
        this.pbx = pbx;
    }

    @Override
    public SqlFragment owned(TenantScope tenant, Set<String> present) {
        SqlFragment sql = SqlFragment.of("SELECT q.extension FROM queues_config q")
                .append(SqlFragment.where(Ownership.visibleTo(tenant.asCaller("queue log export"), KIND,
                        "q.extension")));
        List<String> queues = pbx.run(connection -> Jdbc.column(connection, sql));
        return queues.isEmpty() ? SqlFragment.of("1 = 0") : SqlFragment.in("r.queuename", queues);
    }

    @Override
    public Function<List<String>, String> owners() {
        Map<String, String> tenants = Owners.of(pbx, KIND, "queues_config", "extension");
        return values -> values.get(0) == null ? "" : tenants.getOrDefault(values.get(0), "");
    }
}
