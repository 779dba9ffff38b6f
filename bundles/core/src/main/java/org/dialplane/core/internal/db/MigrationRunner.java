package org.dialplane.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.db.NamedLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the pending migrations of Dialplane's own tables, each once and in version order, recording each in
 * {@code dp_schema_version}. Runs under a named server lock so that two instances starting together on one
 * database do not both apply the same migration.
 */
final class MigrationRunner {
    static final String LOCK_NAME = "dialplane.schema";
    private static final int LOCK_TIMEOUT_SECONDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private MigrationRunner() {
    }

    /** Runs {@code work} while holding the schema lock on the connection's server. */
    static <T> T underLock(Connection connection, SqlWork<T> work) throws SQLException {
        NamedLock.acquire(connection, LOCK_NAME, LOCK_TIMEOUT_SECONDS);
        try {
            return work.run();
        } finally {
            NamedLock.release(connection, LOCK_NAME);
        }
    }

    /** Applies what is pending of core's own migrations; returns the schema version reached. The caller holds the lock. */
    static int migrate(Connection connection, List<Migration> migrations) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS dp_schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        return migrate(connection, migrations, History.CORE);
    }

    /**
     * Applies what is pending of one bundle's migrations, recorded under its symbolic name (each bundle numbers
     * its own from 1); returns the version reached. The caller holds the lock.
     */
    static int migrate(Connection connection, String owner, List<Migration> migrations) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS dp_bundle_schema_version ("
                    + "owner VARCHAR(100) NOT NULL, version INT NOT NULL, name VARCHAR(100) NOT NULL, "
                    + "checksum CHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                    + "PRIMARY KEY (owner, version)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        return migrate(connection, migrations, History.of(owner));
    }

    private static int migrate(Connection connection, List<Migration> migrations, History history)
            throws SQLException {
        Map<Integer, String> applied = history.appliedChecksums(connection);
        int reached = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Migration migration : Migration.ordered(migrations)) {
            String checksum = applied.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    LOG.warn("Migration V{}__{} of {} changed after it was applied; the database keeps the old one",
                            migration.version(), migration.name(), history.owner());
                }
                continue;
            }
            apply(connection, migration, history);
            reached = Math.max(reached, migration.version());
        }
        return reached;
    }

    /** Where the applied migrations of one owner are recorded: core's table, or a bundle's rows in the shared one. */
    private record History(String owner, String table, String ownerColumn) {
        static final History CORE = new History("core", "dp_schema_version", null);

        static History of(String bundle) {
            return new History(bundle, "dp_bundle_schema_version", "owner");
        }

        Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
            Map<Integer, String> applied = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT version, checksum FROM " + table
                    + (ownerColumn == null ? "" : " WHERE " + ownerColumn + " = ?"))) {
                if (ownerColumn != null) {
                    s.setString(1, owner);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        applied.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return applied;
        }

        void record(Connection connection, Migration migration) throws SQLException {
            String sql = ownerColumn == null
                    ? "INSERT INTO " + table + " (version, name, checksum) VALUES (?, ?, ?)"
                    : "INSERT INTO " + table + " (version, name, checksum, " + ownerColumn + ") VALUES (?, ?, ?, ?)";
            try (PreparedStatement record = connection.prepareStatement(sql)) {
                record.setInt(1, migration.version());
                record.setString(2, migration.name());
                record.setString(3, migration.checksum());
                if (ownerColumn != null) {
                    record.setString(4, owner);
                }
                record.executeUpdate();
            }
        }
    }

    /**
     * MariaDB commits DDL implicitly, so a migration is not atomic: it is recorded only after all of its
     * statements succeeded, and a failed one stops the start with the statement that failed.
     */
    private static void apply(Connection connection, Migration migration, History history) throws SQLException {
        LOG.info("Applying migration V{}__{} of {}", migration.version(), migration.name(), history.owner());
        try (Statement s = connection.createStatement()) {
            for (String sql : SqlScript.statements(migration.sql())) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("Migration V" + migration.version() + "__" + migration.name() + " of " + history.owner()
                            + " failed: " + e.getMessage() + " in: " + sql, e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        history.record(connection, migration);
    }

    /** A piece of database work that may fail with an SQLException. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
