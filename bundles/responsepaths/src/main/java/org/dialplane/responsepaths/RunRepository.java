package org.dialplane.responsepaths;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.Query;
import org.dialplane.responsepaths.api.Run;
import org.dialplane.responsepaths.api.Step;
import org.dialplane.responsepaths.api.Variable;

/**
 * The SQL of recorded runs ({@code dp_responsepath_runs}, {@code dp_responsepath_steps}): what the recorder writes,
 * one statement or transaction per step, and what the API reads. Times are stored in UTC. Writes are idempotent by
 * natural keys (a run by Uniqueid and path, a step by run, type, type id and value): an event heard twice is
 * recorded once.
 */
final class RunRepository {
    private static final String RUNS = "SELECT r.id, r.path_id, r.uniqueid, r.started_at, r.ended_at"
            + " FROM dp_responsepath_runs r";
    /**
     * The runs of a path, and of its tenant: a path deleted and made again at its id by another tenant (PUT) does
     * not show the runs of the one before.
     */
    private static final String OF_PATH = " WHERE r.path_id = ? AND r.tenant_id = ?";

    /** What a purge removed: how many runs, and the voice files they left ({@code path id -> file names}). */
    record Purged(int runs, Map<Long, List<String>> voiceFiles) {
    }

    /** An open run an event belongs to. */
    record RunRef(long id, long pathId, long tenantId) {
    }

    private final Jdbc db;

    RunRepository(Jdbc db) {
        this.db = db;
    }

    // ---- recording ---------------------------------------------------------------------------------------------

    /** The run of this call on this path, started now if it is new; empty when there is no such path. */
    Optional<RunRef> openRun(long pathId, String uniqueId, Instant now) {
        return db.run(connection -> {
            List<String> tenant = Jdbc.column(connection, SqlFragment.of(
                    "SELECT tenant_id FROM dp_responsepath_paths WHERE id = ?", pathId));
            if (tenant.isEmpty()) {
                return Optional.empty();
            }
            long tenantId = Long.parseLong(tenant.get(0));
            Jdbc.update(connection, "INSERT IGNORE INTO dp_responsepath_runs (path_id, tenant_id, uniqueid, started_at)"
                    + " VALUES (?, ?, ?, ?)", pathId, tenantId, uniqueId, utc(now));
            List<String> id = Jdbc.column(connection, SqlFragment.of(
                    "SELECT id FROM dp_responsepath_runs WHERE uniqueid = ? AND path_id = ?", uniqueId, pathId));
            return Optional.of(new RunRef(Long.parseLong(id.get(0)), pathId, tenantId));
        });
    }

    /** The runs of this call still open (usually one; two when a path sent the caller into another). */
    List<RunRef> openRuns(String uniqueId) {
        return db.run(connection -> Jdbc.rows(connection, SqlFragment.of("SELECT id, path_id, tenant_id"
                + " FROM dp_responsepath_runs WHERE uniqueid = ? AND ended_at IS NULL ORDER BY id", uniqueId)))
                .stream().map(row -> new RunRef(Long.parseLong((String) row.get("id")),
                        Long.parseLong((String) row.get("path_id")), Long.parseLong((String) row.get("tenant_id"))))
                .toList();
    }

    /** The Uniqueids of the runs opened since {@code since} and not ended: the calls still to be followed. */
    List<String> openUniqueIds(Instant since) {
        return db.run(connection -> Jdbc.column(connection, SqlFragment.of("SELECT DISTINCT uniqueid"
                + " FROM dp_responsepath_runs WHERE ended_at IS NULL AND started_at >= ?", utc(since))));
    }

    /** Appends a step after the run's last one, unless the same step is recorded already. */
    void addStep(long runId, Step step) {
        db.run(connection -> Jdbc.update(connection, "INSERT IGNORE INTO dp_responsepath_steps"
                + " (run_id, seq, type, type_id, value, type_name, value_name, recorded_at)"
                + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ? FROM dp_responsepath_steps WHERE run_id = ?",
                runId, step.type(), step.typeId(), clip(step.value(), 255), clip(step.typeName(), 80),
                clip(step.valueName(), 80), utc(step.time()), runId));
    }

    /** Ends the run; true only for the call that ended it (so it is announced once). */
    boolean end(long runId, Instant now) {
        return db.run(connection -> Jdbc.update(connection, "UPDATE dp_responsepath_runs SET ended_at = ?"
                + " WHERE id = ? AND ended_at IS NULL", utc(now), runId)) == 1;
    }

    /** A name to show beside an id, or "" (the variable's, the queue's, the extension's user's). */
    String name(String sql, Object... params) {
        return db.run(connection -> Jdbc.column(connection, SqlFragment.of(sql, params))).stream().findFirst()
                .map(name -> name == null ? "" : name).orElse("");
    }

    /**
     * Deletes the runs started before {@code before} with their steps, a batch at a time.
     *
     */
    Purged purge(Instant before, int batch) {
        return db.transaction(connection -> {
            List<String> ids = Jdbc.column(connection, SqlFragment.of("SELECT id FROM dp_responsepath_runs"
                    + " WHERE started_at < ? ORDER BY id LIMIT ?", utc(before), batch));
            Map<Long, List<String>> files = new HashMap<>();
            if (ids.isEmpty()) {
                return new Purged(0, files);
            }
            for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of("SELECT r.path_id, s.value"
                    + " FROM dp_responsepath_steps s JOIN dp_responsepath_runs r ON r.id = s.run_id"
                    + " WHERE s.type = 'VOICEFILE' AND ").append(SqlFragment.in("s.run_id", ids)))) {
                files.computeIfAbsent(Long.parseLong((String) row.get("path_id")), k -> new ArrayList<>())
                        .add((String) row.get("value"));
            }
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_responsepath_steps WHERE ")
                    .append(SqlFragment.in("run_id", ids)));
            int deleted = Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_responsepath_runs WHERE ")
                    .append(SqlFragment.in("id", ids)));
            return new Purged(deleted, files);
        });
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    List<Run> page(Definition path, Query query) {
        SqlFragment sql = SqlFragment.of(RUNS + OF_PATH, path.id(), path.tenantId()).append(query.orderBy())
                .append(query.limitOffset());
        return db.run(connection -> runs(connection, sql, path.variables()));
    }

    long count(Definition path) {
        return db.run(connection -> Jdbc.number(connection, SqlFragment.of(
                "SELECT COUNT(*) FROM dp_responsepath_runs r" + OF_PATH, path.id(), path.tenantId())));
    }

    /** The newest run, or the newest with a step of this type whose value, type id or type name is {@code data}. */
    Optional<Run> last(Definition path, String type, String data) {
        SqlFragment sql = SqlFragment.of(RUNS + OF_PATH, path.id(), path.tenantId());
        if (type != null) {
            sql = sql.append(" AND EXISTS (SELECT 1 FROM dp_responsepath_steps s WHERE s.run_id = r.id AND s.type = ?",
                    type);
            if (data != null) {
                sql = sql.append(" AND (s.value = ? OR s.type_id = ? OR s.type_name = ?)", data, data, data);
            }
            sql = sql.append(")");
        }
        SqlFragment newest = sql.append(" ORDER BY r.id DESC LIMIT 1");
        return db.run(connection -> runs(connection, newest, path.variables())).stream().findFirst();
    }

    Optional<Run> run(Definition path, long runId) {
        return db.run(connection -> runs(connection, SqlFragment.of(RUNS + OF_PATH + " AND r.id = ?",
                path.id(), path.tenantId(), runId), path.variables())).stream().findFirst();
    }

    /** A run with the path's variables as they are now (none when the path was deleted). */
    Optional<Run> run(long pathId, long runId) {
        return db.run(connection -> {
            List<Variable> variables = new ArrayList<>();
            for (Map<String, Object> row : Jdbc.rows(connection, SqlFragment.of("SELECT id, name, max_digits"
                    + " FROM dp_responsepath_variables WHERE path_id = ? ORDER BY position", pathId))) {
                variables.add(new Variable(Long.parseLong((String) row.get("id")), (String) row.get("name"),
                        row.get("max_digits") == null ? null : Integer.parseInt((String) row.get("max_digits"))));
            }
            return runs(connection, SqlFragment.of(RUNS + " WHERE r.path_id = ? AND r.id = ?", pathId, runId),
                    variables).stream().findFirst();
        });
    }

    private static List<Run> runs(Connection connection, SqlFragment sql, List<Variable> variables)
            throws SQLException {
        record Head(long id, String pathId, String uniqueId, Instant started, Instant ended) {
        }
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                heads.add(new Head(result.getLong(1), result.getString(2), result.getString(3),
                        instant(result.getObject(4, LocalDateTime.class)),
                        instant(result.getObject(5, LocalDateTime.class))));
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Step>> steps = new LinkedHashMap<>();
        SqlFragment stepsSql = SqlFragment.of("SELECT run_id, type, type_id, value, type_name, value_name,"
                + " recorded_at FROM dp_responsepath_steps WHERE ")
                .append(SqlFragment.in("run_id", heads.stream().map(h -> Long.toString(h.id())).toList()))
                .append(" ORDER BY run_id, seq");
        try (PreparedStatement statement = stepsSql.prepare(connection);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                steps.computeIfAbsent(result.getLong(1), k -> new ArrayList<>()).add(new Step(result.getString(2),
                        result.getString(3), result.getString(4), result.getString(5), result.getString(6),
                        instant(result.getObject(7, LocalDateTime.class))));
            }
        }
        return heads.stream().map(h -> new Run(h.id(), h.pathId(), h.uniqueId(), h.started(), h.ended(),
                steps.getOrDefault(h.id(), List.of()), variables)).toList();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
