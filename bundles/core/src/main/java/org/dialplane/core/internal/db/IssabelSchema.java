package org.dialplane.core.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the IssabelPBX tables (and views) that a database lacks, from a script of {@code CREATE ... IF NOT
 * EXISTS} statements. A table or view that exists is skipped without being touched, whatever its engine,
 * character set or keys: the product must run on a real IssabelPBX database exactly as it is.
 */
final class IssabelSchema {
    private static final Pattern CREATED = Pattern.compile(
            "^CREATE\\s+(?:TABLE|VIEW)\\s+IF\\s+NOT\\s+EXISTS\\s+`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    private static final Logger LOG = LoggerFactory.getLogger(IssabelSchema.class);

    private IssabelSchema() {
    }

    /** Creates what is missing in the connection's current database; returns the names it created. */
    static List<String> createMissing(Connection connection, String script) throws SQLException {
        Set<String> existing = existingTables(connection);
        List<String> created = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            for (String sql : SqlScript.statements(script)) {
                Optional<String> name = createdName(sql);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("Not a CREATE ... IF NOT EXISTS statement: " + sql);
                }
                if (existing.contains(name.get().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                s.execute(sql);
                created.add(name.get());
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Created {} missing tables in {}: {}", created.size(), connection.getCatalog(), created);
        }
        return created;
    }

    /** The table or view a statement creates, if it is a {@code CREATE TABLE|VIEW IF NOT EXISTS}. */
    static Optional<String> createdName(String statement) {
        Matcher m = CREATED.matcher(statement);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Set<String> existingTables(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
