package org.dialplane.core.internal.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiState;
import org.dialplane.core.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the PBX side of Dialplane is doing: the database pools ({@code hikaricp_connections_*}, as HikariCP's own
 * Micrometer support names them, so its Grafana dashboards apply), the AMI connection's state
 * ({@code dialplane_ami_state}, 1 for the current state). (AMI actions and apply-changes runs are timed where they
 * run: {@code AmiComponent}, {@code ApplyChangesComponent}.) Gauges read the
 * current objects when scraped; a database that restarts (a new pool) is simply read next time.
 */
@Component(immediate = true)
public class PbxMetrics {
    private final MeterRegistry registry;
    private final Ami ami;
    /** Removed when this component goes: a gauge keeps reading the instance that registered it. */
    private final List<Meter> gauges = new ArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Activate
    public PbxMetrics(@Reference PrometheusMetrics metrics, @Reference Ami ami) {
        this.registry = metrics.registry();
        this.ami = ami;
        pool("pbx", Database::pbx);
        pool("cdr", Database::cdr);
        for (AmiState state : AmiState.values()) {
            gauges.add(Gauge.builder("dialplane.ami.state", this, m -> m.ami.state() == state ? 1 : 0)
                    .description("The AMI connection's state: 1 for the current one").tag("state", state.name())
                    .register(registry));
        }
    }

    @Deactivate
    void deactivate() {
        gauges.forEach(registry::remove);
    }

    private void pool(String name, java.util.function.Function<Database, DataSource> which) {
        gauge("hikaricp.connections.active", "Connections in use", name, which, HikariPoolMXBean::getActiveConnections);
        gauge("hikaricp.connections.idle", "Idle connections", name, which, HikariPoolMXBean::getIdleConnections);
        gauge("hikaricp.connections.pending", "Threads waiting for a connection", name, which,
                HikariPoolMXBean::getThreadsAwaitingConnection);
        gauge("hikaricp.connections", "Connections open", name, which, HikariPoolMXBean::getTotalConnections);
    }

    private void gauge(String meter, String description, String pool,
            java.util.function.Function<Database, DataSource> which, ToIntFunction<HikariPoolMXBean> value) {
        gauges.add(Gauge.builder(meter, this, m -> {
            HikariPoolMXBean bean = m.bean(which);
            return bean == null ? Double.NaN : value.applyAsInt(bean);
        }).description(description).tag("pool", pool).register(registry));
    }

    private HikariPoolMXBean bean(java.util.function.Function<Database, DataSource> which) {
        Database current = database;
        if (current == null) {
            return null;
        }
        try {
            return which.apply(current) instanceof HikariDataSource hikari ? hikari.getHikariPoolMXBean() : null;
        } catch (RuntimeException closed) {
            return null; // the pool is being replaced
        }
    }
}
