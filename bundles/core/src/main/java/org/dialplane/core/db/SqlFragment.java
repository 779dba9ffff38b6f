package org.dialplane.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL and the values of its {@code ?} placeholders, so that a statement can be composed from parts
 * (a resource's own SELECT, a {@link Query}'s search, order and page) and still be sent fully parameterised.
 *
 * <pre>{@code
 * SqlFragment sql = SqlFragment.of("SELECT extension, name FROM users")
 *         .append(SqlFragment.where(query.searchCondition()))
 *         .append(query.orderBy())
 *         .append(query.limitOffset());
 * try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) { ... }
 * }</pre>
 *
 * @param sql    the SQL text; it must come from code, never from a request
 * @param params the values for its placeholders, in order
 */
public record SqlFragment(String sql, List<Object> params) {
    public static final SqlFragment EMPTY = new SqlFragment("", List.of());

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        // Not List.copyOf: it refuses nulls, and a parameter may be SQL NULL (in an insert or update).
        params = params == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(params));
    }

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, Arrays.asList(params));
    }

    public boolean isEmpty() {
        return sql.isBlank();
    }

    /** This fragment followed by another (the caller supplies any space between them). */
    public SqlFragment append(SqlFragment other) {
        if (other.isEmpty()) {
            return this;
        }
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new SqlFragment(sql + other.sql, all);
    }

    public SqlFragment append(String moreSql, Object... moreParams) {
        return append(of(moreSql, moreParams));
    }

    /** {@code column IN (?, ?, ...)} over the values; {@code column} is the resource's own SQL, never input. */
    public static SqlFragment in(String column, java.util.Collection<String> values) {
        java.util.StringJoiner marks = new java.util.StringJoiner(", ", column + " IN (", ")");
        values.forEach(v -> marks.add("?"));
        return of(marks.toString(), values.toArray());
    }

    /** {@code " WHERE a AND b"} from the non-empty conditions, or nothing when all are empty. */
    public static SqlFragment where(SqlFragment... conditions) {
        SqlFragment joined = EMPTY;
        for (SqlFragment condition : conditions) {
            if (condition == null || condition.isEmpty()) {
                continue;
            }
            joined = joined.isEmpty() ? of(" WHERE ").append(condition) : joined.append(" AND ").append(condition);
        }
        return joined;
    }

    /** Sets the parameters on a statement prepared from this fragment's SQL. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** Prepares this fragment on a connection with its parameters bound; the caller closes the statement. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
