package org.dialplane.customdestinations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.customdestinations.api.CustomDestination;
import org.dialplane.customdestinations.api.CustomDestinationChange;

/**
 * The SQL of custom destinations: Dialplane's row ({@code dp_customdest_destinations}, with its tenant) and the
 * {@code custom_destinations} row IssabelPBX's modules list as destinations. IssabelPBX's table is MyISAM on a real
 * system and does not roll back, so every check runs first and it is written last, after the InnoDB row.
 */
final class CustomDestinationRepository {
    static final String NOUN = "custom destination";
    private static final String FROM = " FROM dp_customdest_destinations d";
    private static final String ROWS = "SELECT d.id, d.tenant_id, d.name, d.type_id, d.param1, d.param2, d.param3,"
            + " t.external_number FROM dp_customdest_destinations d JOIN dp_customdest_types t ON t.id = d.type_id";

    private final Jdbc db;

    CustomDestinationRepository(Jdbc db) {
        this.db = db;
    }

    List<Map<String, Object>> find(Query query, Caller caller) {
        SqlFragment sql = query.select("id", Map.of()).append(FROM)
                .append(SqlFragment.where(visible(caller), query.searchCondition()))
                .append(query.orderBy()).append(query.limitOffset());
        return db.run(connection -> Jdbc.rows(connection, sql)).stream().map(CustomDestinationFields::shown).toList();
    }

    long count(Query query, Caller caller) {
        return db.run(connection -> Jdbc.number(connection, SqlFragment.of("SELECT COUNT(*)").append(FROM)
                .append(SqlFragment.where(visible(caller), query.searchCondition()))));
    }

    Map<String, Map<String, Object>> findByIds(Ids ids, Query query, Caller caller) {
        SqlFragment sql = query.select("id", Map.of()).append(FROM)
                .append(SqlFragment.where(visible(caller), SqlFragment.in("d.id", ids.values())));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        db.run(connection -> Jdbc.rows(connection, sql))
                .forEach(row -> found.put((String) row.get("id"), CustomDestinationFields.shown(row)));
        return found;
    }

    Optional<CustomDestination> find(long id, long tenantId) {
        return first(SqlFragment.of(ROWS + " WHERE d.id = ? AND d.tenant_id = ?", id, tenantId));
    }

    Optional<CustomDestination> findExternalNumber(String number, long tenantId) {
        return first(SqlFragment.of(ROWS + " WHERE t.external_number = 1 AND d.param1 = ? AND d.tenant_id = ?"
                + " ORDER BY d.id LIMIT 1", number, tenantId));
    }

    /** Every destination with its values, for the dialplan. */
    static List<CustomDialplan.Row> all(Connection connection) throws SQLException {
        List<CustomDialplan.Row> rows = new ArrayList<>();
        for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of(ROWS + " ORDER BY d.id"))) {
            rows.add(new CustomDialplan.Row(Long.parseLong((String) row.get("id")),
                    Long.parseLong((String) row.get("type_id")), params(row)));
        }
        return rows;
    }

    /** A POST: at the next id, owned by the caller's tenant. */
    long create(CustomDestinationChange change, Caller caller) {
        return db.transaction(connection -> insert(connection, null, change, caller));
    }

    /** A PUT: updates what was sent, or creates the destination at that id; true when created. */
    boolean save(long id, CustomDestinationChange change, Caller caller) {
        return db.transaction(connection -> {
            List<Map<String, Object>> rows = Jdbc.rows(connection, SqlFragment.of(ROWS + " WHERE d.id = ?", id));
            if (rows.isEmpty()) {
                insert(connection, id, change, caller);
                return true;
            }
            Map<String, Object> row = rows.get(0);
            long tenantId = Long.parseLong((String) row.get("tenant_id"));
            if (!caller.sees(tenantId)) {
                // Another tenant's: as absent as on a GET, not a 409 telling that the id exists.
                throw ApiException.notFound("No custom destination " + id);
            }
            CustomDestinationChange merged = new CustomDestinationChange(null,
                    change.name() != null ? change.name() : (String) row.get("name"),
                    change.type() != null ? change.type() : Integer.valueOf((String) row.get("type_id")),
                    or(change.param1(), row.get("param1")), or(change.param2(), row.get("param2")),
                    or(change.param3(), row.get("param3")));
            CustomType type = requireValid(connection, merged);
            Optional<String> oldNumber = dialled(row);
            Optional<String> newNumber = type.externalNumber() ? Optional.of(merged.param1()) : Optional.empty();
            if (oldNumber.isPresent() && !oldNumber.equals(newNumber)) {
                List<String> users = DestinationUsers.of(connection, id, tenantId, oldNumber.get());
                if (!users.isEmpty()) {
                    throw ApiException.conflict("Custom destination " + id + " dials " + oldNumber.get()
                            + " for " + String.join(", ", users) + ": remove it there before changing its number");
                }
            }
            Jdbc.update(connection, SqlFragment.of("UPDATE dp_customdest_destinations SET name = ?, type_id = ?,"
                    + " param1 = ?, param2 = ?, param3 = ? WHERE id = ?", merged.name(), merged.type(),
                    merged.param1(), merged.param2(), merged.param3(), id));
            mirror(connection, id, merged.name(), type);
            return false;
        });
    }

    /** Deletes all or none: a missing or used destination fails the whole request (404, 409 naming its users). */
    void delete(Ids ids, Caller caller) {
        db.transaction(connection -> {
            List<Map<String, Object>> rows = Jdbc.rows(connection, SqlFragment.of(ROWS)
                    .append(SqlFragment.where(visible(caller), SqlFragment.in("d.id", ids.values()))));
            List<String> found = rows.stream().map(r -> (String) r.get("id")).toList();
            ids.requireAll(found, NOUN);
            for (Map<String, Object> row : rows) {
                long id = Long.parseLong((String) row.get("id"));
                List<String> users = DestinationUsers.of(connection, id, Long.parseLong((String) row.get("tenant_id")),
                        dialled(row).orElse(null));
                if (!users.isEmpty()) {
                    throw ApiException.conflict("Custom destination " + id + " is used by " + String.join(", ", users));
                }
            }
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_customdest_destinations WHERE ")
                    .append(SqlFragment.in("id", found)));
            List<String> gotos = found.stream().map(id -> CustomDialplan.destination(Long.parseLong(id))).toList();
            Jdbc.update(connection, SqlFragment.of("DELETE FROM custom_destinations WHERE ")
                    .append(SqlFragment.in("custom_dest", gotos)));
            return null;
        });
    }

    private long insert(Connection connection, Long id, CustomDestinationChange change, Caller caller)
            throws SQLException {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (change.name() == null) {
            missing.add(new Problem.FieldError("name", "is required"));
        }
        if (change.type() == null) {
            missing.add(new Problem.FieldError("type", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        CustomDestinationChange values = new CustomDestinationChange(null, change.name(), change.type(),
                or(change.param1(), ""), or(change.param2(), ""), or(change.param3(), ""));
        CustomType type = requireValid(connection, values);
        Jdbc.update(connection, SqlFragment.of("INSERT INTO dp_customdest_destinations (tenant_id, name, type_id,"
                + " param1, param2, param3, id) VALUES (?, ?, ?, ?, ?, ?, ?)", caller.tenantId(), values.name(),
                values.type(), values.param1(), values.param2(), values.param3(), id));
        long created = id != null ? id : Jdbc.number(connection, SqlFragment.of("SELECT LAST_INSERT_ID()"));
        mirror(connection, created, values.name(), type);
        return created;
    }

    /** The type exists and accepts the values: else one 422 naming {@code type} or each parameter at fault. */
    private static CustomType requireValid(Connection connection, CustomDestinationChange values) throws SQLException {
        Optional<CustomType> type = CustomTypeRepository.load(connection, values.type());
        if (type.isEmpty()) {
            throw ApiException.invalid(List.of(new Problem.FieldError("type", "no custom type " + values.type())));
        }
        List<Problem.FieldError> errors = type.get().problems(Map.of("param1", values.param1(),
                "param2", values.param2(), "param3", values.param3()));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return type.get();
    }

    /** IssabelPBX's row, as its custom destinations module writes it: the goto, the name, a note. */
    private static void mirror(Connection connection, long id, String name, CustomType type) throws SQLException {
        Jdbc.update(connection, SqlFragment.of("REPLACE INTO custom_destinations (custom_dest, description, notes)"
                + " VALUES (?, ?, ?)", CustomDialplan.destination(id), name, notes(id, type.name())));
    }

    /** IssabelPBX's notes of a destination: who keeps it, and its type. */
    static String notes(long id, String typeName) {
        String notes = "Dialplane custom destination " + id + ": " + typeName;
        return notes.substring(0, Math.min(notes.length(), 255));
    }

    private Optional<CustomDestination> first(SqlFragment sql) {
        List<Map<String, Object>> rows = db.run(connection -> Jdbc.rows(connection, sql));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        long id = Long.parseLong((String) row.get("id"));
        return Optional.of(new CustomDestination(id, Long.parseLong((String) row.get("tenant_id")),
                (String) row.get("name"), Long.parseLong((String) row.get("type_id")), dialled(row).isPresent(),
                (String) row.get("param1"), CustomDialplan.destination(id)));
    }

    private static Optional<String> dialled(Map<String, Object> row) {
        Object flag = row.get("external_number");
        boolean external = "1".equals(flag) || "true".equalsIgnoreCase(String.valueOf(flag));
        return external ? Optional.of((String) row.get("param1")) : Optional.empty();
    }

    private static Map<String, String> params(Map<String, Object> row) {
        Map<String, String> params = new LinkedHashMap<>();
        DialplanTemplate.PARAMETERS.forEach(p -> params.put(p, (String) row.get(p)));
        return params;
    }

    private static String or(String sent, Object stored) {
        return sent != null ? sent : stored == null ? "" : (String) stored;
    }

    private static SqlFragment visible(Caller caller) {
        return caller.global() ? SqlFragment.EMPTY : SqlFragment.of("d.tenant_id = ?", caller.tenantId());
    }
}
