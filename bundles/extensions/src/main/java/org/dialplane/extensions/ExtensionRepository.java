package org.dialplane.extensions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.StreamedRows;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.extensions.api.ExtensionChange;

/**
 * The SQL of extensions: the users, devices and sip rows IssabelPBX keeps for each, written together, and the
 * AstDB mirror beside them. Creates hold the numbering lock, so concurrent creates never share a number.
 */
final class ExtensionRepository {
    static final String KIND = "extension";
    /** Where numbering starts on a system without extensions. */
    private static final long FIRST_EXTENSION = 200;
    /** Every searchable and sortable field lives in these two tables. */
    private static final String USERS_AND_DEVICES = " FROM users u JOIN devices d ON d.id = u.extension";
    private static final String SECRET = " LEFT JOIN sip s ON s.id = u.extension AND s.keyword = 'secret'";
    static final String FROM = USERS_AND_DEVICES + SECRET;

    /**
     * The outcome of a write: the extension's number, whether it was created, the AstDB keys to push, and its
     * voicemail setting when the write set it (else null) with its name, for the mailbox.
     */
    record Saved(String extension, boolean created, AstDbChanges astdb, String voicemail, String name) {
    }

    private final Jdbc db;
    private final AstDb astDb;
    private final NumberIndex index = newIndex();
    private final ExtensionPages pages;

    /** The index of extension numbers in core's dp_numbers (see {@link ExtensionPages}). */
    static NumberIndex newIndex() {
        return new NumberIndex(KIND, "users u JOIN devices d ON d.id = u.extension", "u.extension");
    }

    ExtensionRepository(Jdbc db, AstDb astDb) {
        this.db = db;
        this.astDb = astDb;
        this.pages = new ExtensionPages(db, index);
    }

    /**
     * A list. A page in number order (the default) has its numbers from core's index of numbers (dp_numbers), in
     * constant time by cursor: see {@link ExtensionPages}. A page in another order comes in two steps: the page's
     * numbers are chosen from users and devices alone, then only those rows are joined to the rest (sorting the
     * full join first made a page of 100 out of 10,000 twice as slow). A whole list is {@link StreamedRows}.
     */
    List<Map<String, Object>> find(Query query, Caller caller) {
        if (pages.fromIndex(query)) {
            return pages.find(query, caller);
        }
        if (!query.paginated()) {
            // Every row: one query, sorted once (the read is as long as the list; no index helps it), read while
            // the answer is written, so that 10,000 extensions cost a request no more memory than 1,000.
            SqlFragment sql = select(query).append(FROM)
                    .append(SqlFragment.where(visible(caller), query.searchCondition())).append(query.orderBy());
            return StreamedRows.of(db, sql);
        }
        SqlFragment page = SqlFragment.of("SELECT u.extension").append(USERS_AND_DEVICES)
                .append(SqlFragment.where(visible(caller), query.searchCondition()))
                .append(query.orderBy()).append(query.limitOffset());
        SqlFragment sql = select(query).append(" FROM (").append(page)
                .append(") p JOIN users u ON u.extension = p.extension JOIN devices d ON d.id = u.extension")
                .append(SECRET).append(query.orderBy());
        return db.run(connection -> Jdbc.rows(connection, sql));
    }

    /** The secret's join finds at most one row per extension, so the count leaves it out. */
    long count(Query query, Caller caller) {
        if (pages.fromIndex(query) && caller.global() && query.search().isEmpty()) {
            return pages.countAll();
        }
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*)").append(USERS_AND_DEVICES)
                .append(SqlFragment.where(visible(caller), query.searchCondition()));
        return db.run(connection -> Jdbc.number(connection, sql));
    }

    Map<String, Map<String, Object>> findByIds(Ids ids, Query query, Caller caller) {
        SqlFragment sql = select(query).append(FROM)
                .append(SqlFragment.where(visible(caller), SqlFragment.in("u.extension", ids.values())));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        db.run(connection -> Jdbc.rows(connection, sql)).forEach(row -> found.put((String) row.get("extension"), row));
        return found;
    }

    /** A POST: at the number given in the body, or the next free one in the caller's range. */
    Saved create(ExtensionChange change, Caller caller) {
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            Numbering.Range range = Ownership.range(connection, caller);
            String number = change.extension() != null ? change.extension()
                    : Numbering.nextFree(connection, index, FIRST_EXTENSION, range);
            return insert(connection, IssabelExtension.withDefaults(change.withExtension(number)), caller, range);
        });
    }

    /** A PUT: updates the fields sent when the extension exists, else creates it at that number. */
    Saved save(String extension, ExtensionChange change, Caller caller) {
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            if (!exists(connection, extension, SqlFragment.EMPTY)) {
                Numbering.Range range = Ownership.range(connection, caller);
                ExtensionChange created = IssabelExtension.withDefaults(change.withExtension(extension));
                return insert(connection, created, caller, range);
            }
            if (!exists(connection, extension, visible(caller))) {
                // Another tenant's: as absent as on a GET, not a 409 telling that the number exists.
                throw ApiException.notFound("No extension " + extension);
            }
            if (change.tech() != null) {
                throw ApiException.invalid(List.of(new Problem.FieldError("tech",
                        "cannot be changed; delete the extension and create it again")));
            }
            ExtensionChange update = change.withExtension(extension);
            update(connection, update);
            AstDbChanges astdb = IssabelExtension.updated(update);
            astDb.write(connection, astdb);
            if (update.voicemail() == null && update.name() == null) {
                return new Saved(extension, false, astdb, null, null);
            }
            // A new name or voicemail setting rewrites the mailbox line, which carries the name.
            Map<String, Object> now = Jdbc.rows(connection,
                    SqlFragment.of("SELECT name, voicemail FROM users WHERE extension = ?", extension)).get(0);
            return new Saved(extension, false, astdb, (String) now.get("voicemail"), (String) now.get("name"));
        });
    }

    /** Deletes every one of the ids, or none: one that is missing (or another tenant's) is a 404. */
    AstDbChanges delete(Ids ids, Caller caller) {
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            List<String> found = Jdbc.column(connection, SqlFragment.of("SELECT u.extension FROM users u")
                    .append(SqlFragment.where(visible(caller), SqlFragment.in("u.extension", ids.values()))));
            ids.requireAll(found, KIND);
            Jdbc.update(connection, SqlFragment.of("DELETE FROM users WHERE ").append(SqlFragment.in("extension", found)));
            Jdbc.update(connection, SqlFragment.of("DELETE FROM devices WHERE ").append(SqlFragment.in("id", found)));
            Jdbc.update(connection, SqlFragment.of("DELETE FROM sip WHERE ").append(SqlFragment.in("id", found)));
            ModuleRows.delete(connection, found);
            Ownership.release(connection, KIND, found);
            index.remove(connection, found);
            AstDbChanges astdb = IssabelExtension.deleted(found);
            astDb.write(connection, astdb);
            return astdb;
        });
    }

    private Saved insert(Connection connection, ExtensionChange e, Caller caller, Numbering.Range range)
            throws SQLException {
        long number = Long.parseLong(e.extension());
        if (number < range.start() || number > range.end()) {
            throw ApiException.invalid(List.of(new Problem.FieldError("extension",
                    "outside your tenant's range " + range.start() + "-" + range.end())));
        }
        if (Numbering.isTaken(connection, e.extension())) {
            throw ApiException.conflict("Number " + e.extension() + " is in use");
        }
        Jdbc.update(connection, "INSERT INTO users (extension, password, name, voicemail, ringtimer, noanswer, recording,"
                + " outboundcid, sipname, noanswer_cid, busy_cid, chanunavail_cid, noanswer_dest, busy_dest,"
                + " chanunavail_dest) VALUES (?, '', ?, ?, ?, '', '', '', '', '', '', '', '', '', '')",
                e.extension(), e.name(), e.voicemail(), e.ringtimer());
        Jdbc.update(connection, "INSERT INTO devices (id, tech, dial, devicetype, user, description, emergency_cid)"
                + " VALUES (?, ?, ?, 'fixed', ?, ?, '')", e.extension(), e.tech(), IssabelExtension.dial(e),
                e.extension(), e.name());
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO sip (id, keyword, data, flags) VALUES (?, ?, ?, ?)")) {
            for (IssabelExtension.SipRow row : IssabelExtension.sipRows(e)) {
                statement.setString(1, e.extension());
                statement.setString(2, row.keyword());
                statement.setString(3, row.data());
                statement.setInt(4, row.flags());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        Ownership.assign(connection, KIND, e.extension(), caller.tenantId());
        index.add(connection, e.extension());
        AstDbChanges astdb = IssabelExtension.created(e);
        astDb.write(connection, astdb);
        return new Saved(e.extension(), true, astdb, e.voicemail(), e.name());
    }

    private static void update(Connection connection, ExtensionChange e) throws SQLException {
        String x = e.extension();
        if (e.name() != null) {
            Jdbc.update(connection, "UPDATE users SET name = ? WHERE extension = ?", e.name(), x);
            Jdbc.update(connection, "UPDATE devices SET description = ? WHERE id = ?", e.name(), x);
        }
        if (e.ringtimer() != null) {
            Jdbc.update(connection, "UPDATE users SET ringtimer = ? WHERE extension = ?", e.ringtimer(), x);
        }
        if (e.voicemail() != null) {
            Jdbc.update(connection, "UPDATE users SET voicemail = ? WHERE extension = ?", e.voicemail(), x);
        }
        if (e.secret() != null) {
            Jdbc.update(connection, "REPLACE INTO sip (id, keyword, data, flags) VALUES (?, 'secret', ?, 2)", x,
                    e.secret());
        }
    }

    private static boolean exists(Connection connection, String extension, SqlFragment condition)
            throws SQLException {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM users u")
                .append(SqlFragment.where(SqlFragment.of("u.extension = ?", extension), condition));
        return Jdbc.number(connection, sql) > 0;
    }

    static SqlFragment visible(Caller caller) {
        return Ownership.visibleTo(caller, KIND, "u.extension");
    }

    /** Only the columns of the fields asked for; the extension always, to key the rows. */
    static SqlFragment select(Query query) {
        return query.select("extension", Map.of("extension", "u.extension"));
    }
}
