package org.dialplane.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.dialplane.core.db.Database;
import org.dialplane.core.db.DatabaseException;
import org.mariadb.jdbc.MariaDbDataSource;
import org.osgi.framework.Bundle;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The two connection pools behind the {@link Database} service. */
final class PooledDatabase implements Database, AutoCloseable {
    private static final int PBX_POOL_SIZE = 10;
    private static final int CDR_POOL_SIZE = 4;

    private final HikariDataSource pbx;
    private final HikariDataSource cdr;
    /** What bundles get: the PBX pool, its commits carrying the idempotency mark of the request ({@link AppliedMark}). */
    private final DataSource pbxMarking;

    PooledDatabase(DatabaseSettings settings) throws SQLException {
        pbx = pool("dialplane-pbx", settings.pbxUrl(), settings, PBX_POOL_SIZE);
        try {
            cdr = pool("dialplane-cdr", settings.cdrUrl(), settings, CDR_POOL_SIZE);
        } catch (SQLException | RuntimeException e) {
            pbx.close();
            throw e;
        }
        pbxMarking = new MarkingDataSource(pbx);
    }

    @Override
    public int migrate(Bundle bundle) {
        List<Migration> migrations = Migration.shippedIn(bundle);
        try (Connection connection = pbx.getConnection()) {
            return MigrationRunner.underLock(connection,
                    () -> MigrationRunner.migrate(connection, bundle.getSymbolicName(), migrations));
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        }
    }

    /** A plain, unpooled data source: for the start-up probe and for creating a missing database. */
    static MariaDbDataSource direct(String url, DatabaseSettings settings) throws SQLException {
        MariaDbDataSource source = new MariaDbDataSource(url);
        source.setLoginTimeout(5); // seconds; an unreachable host must not hold the start-up for long
        if (!settings.user().isEmpty()) {
            source.setUser(settings.user());
            source.setPassword(settings.password());
        }
        return source;
    }

    /**
     * Hikari is given the driver's DataSource instead of a JDBC URL: inside OSGi the DriverManager cannot
     * see a driver in another bundle, a DataSource needs no lookup.
     */
    private static HikariDataSource pool(String name, String url, DatabaseSettings settings, int size)
            throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(direct(url, settings));
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setRegisterMbeans(false);
        // The start-up check has just connected with these settings: the pool opens its connections in the
        // background instead of opening one first in this thread, which the API's readiness waits on.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public DataSource pbx() {
        return pbxMarking;
    }

    @Override
    public DataSource cdr() {
        return cdr;
    }

    @Override
    public void close() {
        pbx.close();
        cdr.close();
    }
}
