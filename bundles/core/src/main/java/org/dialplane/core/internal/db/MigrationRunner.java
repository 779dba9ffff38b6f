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

    /** Applies what is pending; returns the schema version reached. The caller holds the lock. */
    static int migrate(Connection connection, List<Migration> migrations) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS dp_schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        Map<Integer, String> applied = appliedChecksums(connection);
        int reached = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Migration migration : Migration.ordered(migrations)) {
            String checksum = applied.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    LOG.warn("Migration V{}__{} changed after it was applied; the database keeps the old one",
                            migration.version(), migration.name());
                }
                continue;
            }
            apply(connection, migration);
            reached = Math.max(reached, migration.version());
        }
        return reached;
    }

    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM dp_schema_version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    /**
     * MariaDB commits DDL implicitly, so a migration is not atomic: it is recorded only after all of its
     * statements succeeded, and a failed one stops the start with the statement that failed.
     */
    private static void apply(Connection connection, Migration migration) throws SQLException {
        LOG.info("Applying migration V{}__{}", migration.version(), migration.name());
        try (Statement s = connection.createStatement()) {
            for (String sql : SqlScript.statements(migration.sql())) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("Migration V" + migration.version() + "__" + migration.name()
                            + " failed: " + e.getMessage() + " in: " + sql, e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO dp_schema_version (version, name, checksum) VALUES (?, ?, ?)")) {
            record.setInt(1, migration.version());
            record.setString(2, migration.name());
            record.setString(3, migration.checksum());
            record.executeUpdate();
        }
    }

    /** A piece of database work that may fail with an SQLException. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
