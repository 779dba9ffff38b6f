package org.dialplane.responsepaths;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.responsepaths.api.Destination;
import org.dialplane.responsepaths.api.ResponsePathChange;
import org.dialplane.responsepaths.api.Variable;

/**
 * The SQL of response path definitions ({@code dp_responsepath_paths} and {@code dp_responsepath_variables}), one
 * transaction per write. The destination is checked inside the transaction; the prompts before it (through the
 * media bundle, by the service).
 */
final class ResponsePathRepository {
    static final String NOUN = "response path";
    private static final String COLUMNS = "SELECT p.id, p.tenant_id, p.name, p.prompts, p.voicefile,"
            + " p.destination_type, p.destination_id FROM dp_responsepath_paths p";

    private final Jdbc db;

    ResponsePathRepository(Jdbc db) {
        this.db = db;
    }

    List<Definition> find(Query query, Caller caller) {
        SqlFragment sql = SqlFragment.of(COLUMNS).append(SqlFragment.where(visible(caller), query.searchCondition()))
                .append(query.orderBy()).append(query.limitOffset());
        return db.run(connection -> read(connection, sql));
    }

    long count(Query query, Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM dp_responsepath_paths p")
                .append(SqlFragment.where(visible(caller), query.searchCondition()));
        return db.run(connection -> Jdbc.number(connection, sql));
    }

    Map<String, Definition> findByIds(Ids ids, Caller caller) {
        Map<String, Definition> found = new LinkedHashMap<>();
        db.run(connection -> read(connection, SqlFragment.of(COLUMNS)
                .append(SqlFragment.where(visible(caller), SqlFragment.in("p.id", ids.values())))))
                .forEach(path -> found.put(Long.toString(path.id()), path));
        return found;
    }

    /** Every path of every tenant, for the dialplan. */
    List<Definition> all() {
        return db.run(connection -> read(connection, SqlFragment.of(COLUMNS + " ORDER BY p.id")));
    }

    /** A new path at the next id, or at {@code id}; its number. */
    long create(Long id, ResponsePathChange change, Caller caller) {
        return db.transaction(connection -> insert(connection, id, change, caller));
    }

    /** Updates the fields sent, or creates the path at this id; whether it was created. */
    boolean save(long id, ResponsePathChange change, Caller caller) {
        return db.transaction(connection -> {
            List<Definition> existing = read(connection, SqlFragment.of(COLUMNS + " WHERE p.id = ?", id));
            if (existing.isEmpty()) {
                insert(connection, id, requireCreatable(change), caller);
                return true;
            }
            Definition path = existing.get(0);
            if (!caller.sees(path.tenantId())) {
                // As absent as on a GET, not a 409 telling that the id exists.
                throw ApiException.notFound("No response path " + id);
            }
            requireDestination(connection, change.destination(), caller);
            List<String> sets = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            set(sets, params, "name", change.name());
            set(sets, params, "prompts", change.prompts() == null ? null : Definition.joinPrompts(change.prompts()));
            set(sets, params, "voicefile", change.voicefile() == null ? null : change.voicefile() ? 1 : 0);
            if (change.destination() != null) {
                set(sets, params, "destination_type", change.destination().type());
                set(sets, params, "destination_id", change.destination().id());
            }
            if (!sets.isEmpty()) {
                params.add(id);
                Jdbc.update(connection, SqlFragment.of("UPDATE dp_responsepath_paths SET " + String.join(", ", sets)
                        + " WHERE id = ?", params.toArray()));
            }
            if (change.variables() != null) {
                replaceVariables(connection, path, change.variables());
            }
            return false;
        });
    }

    /** Deletes every one of the paths, or none; their runs stay until they expire. */
    void delete(Ids ids, Caller caller) {
        db.transaction(connection -> {
            List<String> found = Jdbc.column(connection, SqlFragment.of("SELECT p.id FROM dp_responsepath_paths p")
                    .append(SqlFragment.where(visible(caller), SqlFragment.in("p.id", ids.values()))));
            ids.requireAll(found, NOUN);
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_responsepath_variables WHERE ")
                    .append(SqlFragment.in("path_id", found)));
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_responsepath_paths WHERE ")
                    .append(SqlFragment.in("id", found)));
            return null;
        });
    }

    /** The paths whose prompts include any of these media ids: {@code media id -> "response path 7 (name)"}. */
    List<Map.Entry<String, String>> usesOf(Iterable<String> mediaIds) {
        return db.run(connection -> {
            List<Map.Entry<String, String>> uses = new ArrayList<>();
            for (String mediaId : mediaIds) {
                for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of(
                        "SELECT id, name FROM dp_responsepath_paths WHERE FIND_IN_SET(?, prompts) > 0 ORDER BY id",
                        mediaId))) {
                    uses.add(Map.entry(mediaId, NOUN + " " + row.get("id") + " (" + row.get("name") + ")"));
                }
            }
            return uses;
        });
    }

    private long insert(Connection connection, Long id, ResponsePathChange change, Caller caller)
            throws SQLException {
        requireDestination(connection, change.destination(), caller);
        long created;
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO dp_responsepath_paths"
                + " (id, tenant_id, name, prompts, voicefile, destination_type, destination_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            if (id == null) {
                statement.setNull(1, Types.INTEGER);
            } else {
                statement.setLong(1, id);
            }
            statement.setLong(2, caller.tenantId());
            statement.setString(3, change.name());
            statement.setString(4, Definition.joinPrompts(change.prompts() == null ? List.of() : change.prompts()));
            statement.setInt(5, Boolean.TRUE.equals(change.voicefile()) ? 1 : 0);
            statement.setString(6, change.destination().type());
            statement.setString(7, change.destination().id());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                created = id != null ? id : keys.next() ? keys.getLong(1) : -1;
            }
        }
        List<Variable> fresh = change.variables() == null ? List.of() : change.variables().stream()
                .map(v -> new Variable(null, v.name(), v.maxDigits())).toList();
        replaceVariables(connection, new Definition(created, caller.tenantId(), change.name(), List.of(), List.of(),
                false, change.destination()), fresh);
        return created;
    }

    /** The variables as sent, in order: one sent with an id of the path keeps it, any other gets a new id. */
    private static void replaceVariables(Connection connection, Definition path, List<Variable> variables)
            throws SQLException {
        List<String> kept = Jdbc.column(connection, SqlFragment.of(
                "SELECT id FROM dp_responsepath_variables WHERE path_id = ?", path.id()));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Long id = variables.get(i).id();
            if (id != null && !kept.contains(id.toString())) {
                errors.add(new Problem.FieldError("variables[" + i + "].id", "is not a variable of response path "
                        + path.id() + "; leave it out for a new variable"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<String> sentIds = variables.stream().filter(v -> v.id() != null).map(v -> v.id().toString()).toList();
        List<String> dropped = kept.stream().filter(id -> !sentIds.contains(id)).toList();
        if (!dropped.isEmpty()) {
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_responsepath_variables WHERE ")
                    .append(SqlFragment.in("id", dropped)));
        }
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            if (v.id() == null) {
                Jdbc.update(connection, "INSERT INTO dp_responsepath_variables (path_id, position, name, max_digits)"
                        + " VALUES (?, ?, ?, ?)", path.id(), i, v.name(), v.maxDigits());
            } else {
                Jdbc.update(connection, "UPDATE dp_responsepath_variables SET position = ?, name = ?, max_digits = ?"
                        + " WHERE id = ?", i, v.name(), v.maxDigits(), v.id());
            }
        }
    }

    private static void requireDestination(Connection connection, Destination destination, Caller caller)
            throws SQLException {
        if (destination != null && !Destinations.exists(connection, destination, caller)) {
            throw ApiException.invalid(List.of(new Problem.FieldError("destination.id", "no " + destination.type()
                    + " " + destination.id() + (caller.global() ? "" : " of this tenant"))));
        }
    }

    private static ResponsePathChange requireCreatable(ResponsePathChange change) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.name() == null) {
            errors.add(new Problem.FieldError("name", "is required"));
        }
        if (change.destination() == null) {
            errors.add(new Problem.FieldError("destination", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return change;
    }

    private static void set(List<String> sets, List<Object> params, String column, Object value) {
        if (value != null) {
            sets.add(column + " = ?");
            params.add(value);
        }
    }

    private static List<Definition> read(Connection connection, SqlFragment sql) throws SQLException {
        List<Map<String, Object>> rows = Jdbc.rows(connection, sql);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Variable>> variables = new HashMap<>();
        for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of(
                "SELECT id, path_id, name, max_digits FROM dp_responsepath_variables WHERE ")
                .append(SqlFragment.in("path_id", rows.stream().map(r -> (String) r.get("id")).toList()))
                .append(" ORDER BY path_id, position"))) {
            variables.computeIfAbsent((String) row.get("path_id"), k -> new ArrayList<>()).add(new Variable(
                    Long.parseLong((String) row.get("id")), (String) row.get("name"),
                    row.get("max_digits") == null ? null : Integer.parseInt((String) row.get("max_digits"))));
        }
        return rows.stream().map(row -> new Definition(Long.parseLong((String) row.get("id")),
                Long.parseLong((String) row.get("tenant_id")), (String) row.get("name"),
                Definition.splitPrompts((String) row.get("prompts")),
                variables.getOrDefault((String) row.get("id"), List.of()),
                "1".equals(row.get("voicefile")) || "true".equals(row.get("voicefile")),
                new Destination((String) row.get("destination_type"), (String) row.get("destination_id"))))
                .toList();
    }

    private static SqlFragment visible(Caller caller) {
        return caller.global() ? SqlFragment.EMPTY : SqlFragment.of("p.tenant_id = ?", caller.tenantId());
    }
}
