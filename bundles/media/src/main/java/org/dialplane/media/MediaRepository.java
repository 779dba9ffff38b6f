package org.dialplane.media;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.DatabaseException;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.media.api.MediaChange;
import org.dialplane.media.api.MediaUse;

/**
 * The SQL of media files: IssabelPBX's {@code recordings} rows, owned by tenants through core's
 * {@link Ownership} (kind {@value #KIND}). IssabelPBX keeps a row {@code __invalid} (id 1 on most systems) as a
 * marker: it is never shown nor changed. The table is MyISAM on a real IssabelPBX, which does not roll back: every
 * check runs before the first write, and writes that check first hold the media lock.
 */
final class MediaRepository {
    static final String KIND = "recording";
    /** What an id names in a 404: "No media file 12". */
    static final String NOUN = "media file";
    private static final String LOCK = "dialplane.media";
    private static final int INCORRECT_STRING_VALUE = 1366;
    private static final String FROM = " FROM recordings r";
    private static final String STORED = "SELECT r.id AS id, r.displayname AS name,"
            + " CAST(COALESCE(r.filename, '') AS CHAR) AS filename";
    private static final SqlFragment NOT_MARKER = SqlFragment.of("COALESCE(r.displayname, '') <> '__invalid'");

    /** A media file as the service needs it: its sound and whether IssabelPBX joined several files into it. */
    record Stored(String id, String name, String filename) {
        /** The first (or only) sound, as Asterisk names it. */
        String sound() {
            int and = filename.indexOf('&');
            return and < 0 ? filename : filename.substring(0, and);
        }

        boolean severalSounds() {
            return filename.indexOf('&') >= 0;
        }
    }

    /** What a write did: the media file's id and whether it was created. */
    record Saved(String id, boolean created) {
    }

    private final Jdbc db;

    MediaRepository(Jdbc db) {
        this.db = db;
    }

    List<Map<String, Object>> find(Query query, Caller caller) {
        SqlFragment sql = query.select("id", Map.of()).append(FROM)
                .append(SqlFragment.where(visible(caller), NOT_MARKER, query.searchCondition()))
                .append(query.orderBy()).append(query.limitOffset());
        return db.run(connection -> Jdbc.rows(connection, sql)).stream().map(MediaFields::shown).toList();
    }

    long count(Query query, Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*)").append(FROM)
                .append(SqlFragment.where(visible(caller), NOT_MARKER, query.searchCondition()));
        return db.run(connection -> Jdbc.number(connection, sql));
    }

    Map<String, Map<String, Object>> findByIds(Ids ids, Query query, Caller caller) {
        SqlFragment sql = query.select("id", Map.of()).append(FROM)
                .append(SqlFragment.where(visible(caller), NOT_MARKER, SqlFragment.in("r.id", ids.values())));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        db.run(connection -> Jdbc.rows(connection, sql))
                .forEach(row -> found.put((String) row.get("id"), MediaFields.shown(row)));
        return found;
    }

    /** The media file when the caller sees it; a global caller sees every one. */
    Optional<Stored> stored(String id, Caller caller) {
        SqlFragment sql = SqlFragment.of(STORED)
                .append(FROM).append(SqlFragment.where(visible(caller), NOT_MARKER, SqlFragment.of("r.id = ?", id)));
        return db.run(connection -> Jdbc.rows(connection, sql)).stream().findFirst()
                .map(MediaRepository::stored);
    }

    /**
     * A POST: a new row at the next id IssabelPBX's auto-increment gives, whose sound is {@code sound.apply(id)}.
     *
     * @return the new id
     */
    String create(MediaChange change, Caller caller, Function<String, String> sound) {
        return storable(() -> db.transaction(connection -> {
            Jdbc.update(connection, "INSERT INTO recordings (displayname, filename, description, fcode)"
                    + " VALUES (?, '', ?, 0)", change.name(), orEmpty(change.description()));
            String id = Long.toString(Jdbc.number(connection, SqlFragment.of("SELECT LAST_INSERT_ID()")));
            Jdbc.update(connection, "UPDATE recordings SET filename = ? WHERE id = ?", sound.apply(id), id);
            Ownership.assign(connection, KIND, id, caller.tenantId());
            return id;
        }));
    }

    /** A PUT: updates the fields sent when the media file exists, else creates it at that id (a name needed). */
    Saved save(String id, MediaChange change, Caller caller, Function<String, String> sound) {
        return storable(() -> db.lockedTransaction(LOCK, connection -> {
            if (!exists(connection, id)) {
                if (change.name() == null) {
                    throw ApiException.invalid(List.of(new Problem.FieldError("name",
                            "is required")));
                }
                Jdbc.update(connection, "INSERT INTO recordings (id, displayname, filename, description, fcode)"
                        + " VALUES (?, ?, ?, ?, 0)", id, change.name(), sound.apply(id), orEmpty(change.description()));
                Ownership.assign(connection, KIND, id, caller.tenantId());
                return new Saved(id, true);
            }
            if (!exists(connection, id, visible(caller))) {
                // Another tenant's: as absent as on a GET, not a 409 telling that the id exists.
                throw ApiException.notFound("No media file " + id);
            }
            if (!exists(connection, id, visible(caller), NOT_MARKER)) {
                throw ApiException.conflict("Id " + id + " is in use"); // IssabelPBX's __invalid marker
            }
            StringJoiner set = new StringJoiner(", ", "UPDATE recordings SET ", " WHERE id = ?");
            List<Object> params = new ArrayList<>();
            if (change.name() != null) {
                set.add("displayname = ?");
                params.add(change.name());
            }
            if (change.description() != null) {
                set.add("description = ?");
                params.add(change.description());
            }
            if (!params.isEmpty()) {
                params.add(id);
                Jdbc.update(connection, SqlFragment.of(set.toString(), params.toArray()));
            }
            return new Saved(id, false);
        }));
    }

    /**
     * A write whose text the table cannot hold (a latin1 IssabelPBX table in strict mode refuses a character outside
     * latin1, MariaDB's error 1366) is the client's 422 naming the field, not a server error; nothing was written.
     */
    private static <T> T storable(Supplier<T> write) {
        try {
            return write.get();
        } catch (DatabaseException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getErrorCode() == INCORRECT_STRING_VALUE) {
                    String field = String.valueOf(sql.getMessage()).contains("`description`") ? "description" : "name";
                    throw ApiException.invalid(List.of(new Problem.FieldError(field,
                            "has characters the PBX database's recordings table cannot store")));
                }
            }
            throw e;
        }
    }

    /**
     * Deletes every one of the media files, or none: one that is missing (or another tenant's) is a 404, one still
     * in use (by IssabelPBX's objects or by {@code moreUses}) a 409 naming every user.
     *
     * @return the deleted media files
     */
    List<Stored> delete(Ids ids, Caller caller, Function<Collection<String>, List<MediaUse>> moreUses) {
        return db.lockedTransaction(LOCK, connection -> {
            SqlFragment sql = SqlFragment.of(STORED)
                    .append(FROM).append(SqlFragment.where(visible(caller), NOT_MARKER,
                            SqlFragment.in("r.id", ids.values())));
            List<Stored> found = Jdbc.rows(connection, sql).stream()
                    .map(MediaRepository::stored).toList();
            List<String> foundIds = found.stream().map(Stored::id).toList();
            ids.requireAll(foundIds, NOUN);
            List<MediaUse> uses = new ArrayList<>(IssabelMediaUsers.of(connection, foundIds));
            uses.addAll(moreUses.apply(foundIds));
            if (!uses.isEmpty()) {
                throw ApiException.conflict(inUse(uses));
            }
            Jdbc.update(connection, SqlFragment.of("DELETE FROM recordings WHERE ").append(SqlFragment.in("id",
                    foundIds)));
            Ownership.release(connection, KIND, foundIds);
            return found;
        });
    }

    /** "Media file 12 is used by ring group 600 (Sales), queue 400 (Support); media file 13 is used by ...". */
    static String inUse(List<MediaUse> uses) {
        Map<String, List<String>> byMedia = uses.stream().collect(Collectors.groupingBy(MediaUse::mediaId,
                TreeMap::new, Collectors.mapping(MediaUse::user, Collectors.toList())));
        StringJoiner detail = new StringJoiner("; ");
        byMedia.forEach((id, users) -> detail.add(NOUN + " " + id + " is used by " + String.join(", ",
                users.stream().distinct().toList())));
        return "M" + detail.toString().substring(1) + ". Nothing was deleted.";
    }

    private static boolean exists(Connection connection, String id, SqlFragment... conditions) throws SQLException {
        List<SqlFragment> all = new ArrayList<>(List.of(conditions));
        all.add(SqlFragment.of("r.id = ?", id));
        SqlFragment where = SqlFragment.where(all.toArray(SqlFragment[]::new));
        return Jdbc.number(connection, SqlFragment.of("SELECT COUNT(*)").append(FROM).append(where)) > 0;
    }

    private static SqlFragment visible(Caller caller) {
        return Ownership.visibleTo(caller, KIND, "r.id");
    }

    private static Stored stored(Map<String, Object> row) {
        return new Stored(text(row.get("id")), text(row.get("name")), text(row.get("filename")));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
