package org.dialplane.customdestinations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.customdestinations.api.CustomTypeChange;

/** The SQL of custom types ({@code dp_customdest_types}); every check runs in the transaction of its write. */
final class CustomTypeRepository {
    static final String NOUN = "custom type";
    private static final String FROM = " FROM dp_customdest_types t";
    private static final String COLUMNS = "SELECT id, name, description, template, param1_name, param1_kind,"
            + " param2_name, param2_kind, param3_name, param3_kind, external_number, builtin FROM dp_customdest_types";

    private final Jdbc db;

    CustomTypeRepository(Jdbc db) {
        this.db = db;
    }

    List<Map<String, Object>> find(Query query) {
        SqlFragment sql = query.select("id", Map.of()).append(FROM).append(SqlFragment.where(query.searchCondition()))
                .append(query.orderBy()).append(query.limitOffset());
        return db.run(connection -> Jdbc.rows(connection, sql)).stream().map(CustomTypeFields::shown).toList();
    }

    long count(Query query) {
        return db.run(connection -> Jdbc.number(connection, SqlFragment.of("SELECT COUNT(*)").append(FROM)
                .append(SqlFragment.where(query.searchCondition()))));
    }

    Map<String, Map<String, Object>> findByIds(Ids ids, Query query) {
        SqlFragment sql = query.select("id", Map.of()).append(FROM)
                .append(SqlFragment.where(SqlFragment.in("t.id", ids.values())));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        db.run(connection -> Jdbc.rows(connection, sql))
                .forEach(row -> found.put((String) row.get("id"), CustomTypeFields.shown(row)));
        return found;
    }

    /** Every type, by id: what the dialplan is generated from. */
    Map<Long, CustomType> all(Connection connection) throws SQLException {
        Map<Long, CustomType> types = new LinkedHashMap<>();
        for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of(COLUMNS))) {
            CustomType type = type(row);
            types.put(type.id(), type);
        }
        return types;
    }

    static Optional<CustomType> load(Connection connection, long id) throws SQLException {
        List<Map<String, Object>> rows = Jdbc.rows(connection, SqlFragment.of(COLUMNS + " WHERE id = ?", id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(type(rows.get(0)));
    }

    /** A POST: at the next id. */
    long create(CustomTypeChange change) {
        return db.transaction(connection -> insert(connection, null, change));
    }

    /** A PUT: updates what was sent, or creates the type at that id; true when created. */
    boolean save(long id, CustomTypeChange change) {
        return db.transaction(connection -> {
            Optional<CustomType> existing = load(connection, id);
            if (existing.isEmpty()) {
                insert(connection, id, change);
                return true;
            }
            if (existing.get().builtin()) {
                throw ApiException.conflict("Custom type " + id + " is built in: it is never changed");
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            CustomType type = CustomType.merged(existing.get(), change, errors);
            invalidIfAny(errors);
            requireUniqueName(connection, type.name(), id);
            requireDestinationsStillFit(connection, type);
            Jdbc.update(connection, SqlFragment.of("UPDATE dp_customdest_types SET name = ?, description = ?,"
                    + " template = ?, param1_name = ?, param1_kind = ?, param2_name = ?, param2_kind = ?,"
                    + " param3_name = ?, param3_kind = ?, external_number = ? WHERE id = ?", values(type, id)));
            if (!type.name().equals(existing.get().name())) {
                renameInNotes(connection, type);
            }
            return false;
        });
    }

    /** Deletes all or none: a missing, built-in or used type fails the whole request. */
    void delete(Ids ids) {
        db.transaction(connection -> {
            List<String> found = Jdbc.column(connection, SqlFragment.of("SELECT id FROM dp_customdest_types WHERE ")
                    .append(SqlFragment.in("id", ids.values())));
            ids.requireAll(found, NOUN);
            for (String id : found) {
                if (load(connection, Long.parseLong(id)).orElseThrow().builtin()) {
                    throw ApiException.conflict("Custom type " + id + " is built in: it is never deleted");
                }
                List<String> users = Jdbc.column(connection, SqlFragment.of(
                        "SELECT id FROM dp_customdest_destinations WHERE type_id = ? ORDER BY id LIMIT 20", id));
                if (!users.isEmpty()) {
                    throw ApiException.conflict("Custom type " + id + " is used by custom destinations "
                            + String.join(", ", users));
                }
            }
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_customdest_types WHERE ")
                    .append(SqlFragment.in("id", found)));
            return null;
        });
    }

    private static long insert(Connection connection, Long id, CustomTypeChange change) throws SQLException {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.name() == null) {
            errors.add(new Problem.FieldError("name", "is required"));
        }
        if (change.template() == null) {
            errors.add(new Problem.FieldError(CustomTypeFields.TEMPLATE, "is required"));
        }
        CustomType type = CustomType.merged(null, change, errors);
        invalidIfAny(errors);
        requireUniqueName(connection, type.name(), id == null ? 0 : id);
        Object[] values = values(type, id == null ? 0 : id);
        Jdbc.update(connection, SqlFragment.of("INSERT INTO dp_customdest_types (name, description, template,"
                + " param1_name, param1_kind, param2_name, param2_kind, param3_name, param3_kind, external_number, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + (id == null ? "NULL" : "?") + ")",
                id == null ? java.util.Arrays.copyOf(values, values.length - 1) : values));
        return id != null ? id : Jdbc.number(connection, SqlFragment.of("SELECT LAST_INSERT_ID()"));
    }

    /** A type's columns in the order of the INSERT and UPDATE above, then the id. */
    private static Object[] values(CustomType type, long id) {
        List<Object> values = new ArrayList<>(List.of(type.name(), type.description(),
                DialplanTemplate.join(type.template())));
        for (int i = 0; i < DialplanTemplate.PARAMETERS.size(); i++) {
            ParamKind kind = type.declared().get(DialplanTemplate.PARAMETERS.get(i));
            values.add(type.names().get(i));
            values.add(kind == null ? null : kind.id());
        }
        values.add(type.externalNumber());
        values.add(id);
        return values.toArray();
    }

    private static void requireUniqueName(Connection connection, String name, long id) throws SQLException {
        List<String> other = Jdbc.column(connection, SqlFragment.of(
                "SELECT id FROM dp_customdest_types WHERE name = ? AND id <> ?", name, id));
        if (!other.isEmpty()) {
            throw ApiException.conflict("Custom type " + other.get(0) + " is already named " + name);
        }
    }

    /** A changed declaration must still accept the values of the destinations using the type. */
    private static void requireDestinationsStillFit(Connection connection, CustomType type) throws SQLException {
        List<String> misfits = new ArrayList<>();
        for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of("SELECT id, param1, param2, param3"
                + " FROM dp_customdest_destinations WHERE type_id = ?", type.id()))) {
            Map<String, String> params = new LinkedHashMap<>();
            DialplanTemplate.PARAMETERS.forEach(p -> params.put(p, (String) row.get(p)));
            if (!type.problems(params).isEmpty()) {
                misfits.add((String) row.get("id"));
            }
        }
        if (!misfits.isEmpty()) {
            throw ApiException.conflict("Custom destinations " + String.join(", ", misfits)
                    + " have values the changed parameters would not accept");
        }
    }

    /** IssabelPBX's notes name the type: renamed for each destination of it, last (the table may be MyISAM). */
    private static void renameInNotes(Connection connection, CustomType type) throws SQLException {
        for (String id : Jdbc.column(connection, SqlFragment.of(
                "SELECT id FROM dp_customdest_destinations WHERE type_id = ?", type.id()))) {
            long destination = Long.parseLong(id);
            Jdbc.update(connection, SqlFragment.of("UPDATE custom_destinations SET notes = ? WHERE custom_dest = ?",
                    CustomDestinationRepository.notes(destination, type.name()), CustomDialplan.destination(destination)));
        }
    }

    private static void invalidIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static CustomType type(Map<String, Object> row) {
        List<String> names = new ArrayList<>();
        Map<String, ParamKind> declared = new LinkedHashMap<>();
        for (String parameter : DialplanTemplate.PARAMETERS) {
            names.add((String) row.get(parameter + "_name"));
            ParamKind.of((String) row.get(parameter + "_kind")).ifPresent(k -> declared.put(parameter, k));
        }
        return new CustomType(Long.parseLong((String) row.get("id")), (String) row.get("name"),
                (String) row.get("description"), DialplanTemplate.split((String) row.get("template")), names,
                declared, flag(row.get("external_number")), flag(row.get("builtin")));
    }

    private static boolean flag(Object value) {
        return "1".equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }
}
