package org.dialplane.ringgroups;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.StreamedRows;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.ringgroups.api.RingGroupChange;

/**
 * The SQL of ring groups: the {@code ringgroups} row IssabelPBX keeps for each, and the AstDB mirror of its
 * caller id keys beside it. Writes hold the numbering lock, so concurrent creates never share a number. The
 * table is MyISAM on a real IssabelPBX, which does not roll back: every check runs before the first write.
 */
final class RingGroupRepository {
    static final String KIND = "ringgroup";
    /** How the extensions bundle records an extension's tenant in {@code dp_tenant_objects}. */
    static final String EXTENSION_KIND = "extension";
    /** What an id names in a 404: "No ring group 610". */
    static final String NOUN = "ring group";
    /** Where numbering starts on a system without ring groups, as in Issabel's pbxapi. */
    private static final long FIRST_RING_GROUP = 600;
    private static final String FROM = " FROM ringgroups r";

    /** The outcome of a write: the ring group's number, whether it was created, and the AstDB keys to push. */
    record Saved(String extension, boolean created, AstDbChanges astdb) {
    }

    private final Jdbc db;
    private final AstDb astDb;
    /** Core's index of numbers, for the next free number (ring group lists are short: they sort the table). */
    private final NumberIndex index = newIndex();

    /** The index of ring group numbers in core's dp_numbers; an import records its new groups in it too. */
    static NumberIndex newIndex() {
        return new NumberIndex(KIND, "ringgroups r", "r.grpnum");
    }

    RingGroupRepository(Jdbc db, AstDb astDb) {
        this.db = db;
        this.astDb = astDb;
    }

    /**
     * A page by offset, or by cursor in number order (core's keyset: the rows after the previous page's last); a
     * whole list is read while it is written ({@link StreamedRows}), in the same order.
     */
    List<Map<String, Object>> find(Query query, Caller caller) {
        SqlFragment sql = select(query).append(FROM)
                .append(SqlFragment.where(visible(caller), query.searchCondition(), query.keyset()))
                .append(query.orderBy()).append(query.limitOffset());
        if (!query.paginated()) {
            return StreamedRows.of(db, sql).map(RingGroupFields::shown);
        }
        return db.run(connection -> Jdbc.rows(connection, sql)).stream().map(RingGroupFields::shown).toList();
    }

    long count(Query query, Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*)").append(FROM)
                .append(SqlFragment.where(visible(caller), query.searchCondition()));
        return db.run(connection -> Jdbc.number(connection, sql));
    }

    Map<String, Map<String, Object>> findByIds(Ids ids, Query query, Caller caller) {
        SqlFragment sql = select(query).append(FROM)
                .append(SqlFragment.where(visible(caller), SqlFragment.in("r.grpnum", ids.values())));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        db.run(connection -> Jdbc.rows(connection, sql))
                .forEach(row -> found.put((String) row.get("id"), RingGroupFields.shown(row)));
        return found;
    }

    /**
     * A POST: at the number given in the body, or the next free one in the caller's range; members by
     * {@link MemberRule} ({@code customs}: null when the custom destinations bundle is away).
     */
    Saved create(RingGroupChange change, CustomMembers customs, Caller caller) {
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            Numbering.Range range = Ownership.range(connection, caller);
            if (change.extension() == null && index.stale(connection)) {
                index.rebuild(connection);
            }
            String number = change.extension() != null ? change.extension()
                    : Numbering.nextFree(connection, index, FIRST_RING_GROUP, range);
            return insert(connection, change.withExtension(number), customs, caller, range);
        });
    }

    /** A PUT: updates the fields sent when the ring group exists, else creates it at that number. */
    Saved save(String extension, RingGroupChange change, CustomMembers customs, Caller caller) {
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            if (!exists(connection, extension, SqlFragment.EMPTY)) {
                Numbering.Range range = Ownership.range(connection, caller);
                return insert(connection, change.withExtension(extension), customs, caller, range);
            }
            if (!exists(connection, extension, visible(caller))) {
                // Another tenant's: as absent as on a GET, not a 409 telling that the number exists.
                throw ApiException.notFound("No ring group " + extension);
            }
            RingGroupChange update = change.withExtension(extension);
            MemberRule.requireTenants(connection, members(update), customs, caller);
            if (!update.columns().isEmpty()) {
                Jdbc.update(connection, updateStatement(update));
            }
            AstDbChanges astdb = IssabelRingGroup.callerId(update);
            astDb.write(connection, astdb);
            return new Saved(extension, false, astdb);
        });
    }

    /** Deletes every one of the ids, or none: one that is missing (or another tenant's) is a 404. */
    AstDbChanges delete(Ids ids, Caller caller) {
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            List<String> found = Jdbc.column(connection, SqlFragment.of("SELECT r.grpnum FROM ringgroups r")
                    .append(SqlFragment.where(visible(caller), SqlFragment.in("r.grpnum", ids.values()))));
            ids.requireAll(found, NOUN);
            Jdbc.update(connection, SqlFragment.of("DELETE FROM ringgroups WHERE ").append(SqlFragment.in("grpnum", found)));
            Ownership.release(connection, KIND, found);
            index.remove(connection, found);
            AstDbChanges astdb = IssabelRingGroup.deleted(found);
            astDb.write(connection, astdb);
            return astdb;
        });
    }

    /** The tagged members of a ring group the caller sees (404 otherwise). */
    List<String> members(String extension, CustomMembers customs, Caller caller) {
        return db.run(connection -> {
            long tenant = tenantOf(connection, extension, caller);
            String grplist = Jdbc.column(connection, SqlFragment.of(
                    "SELECT grplist FROM ringgroups WHERE grpnum = ?", extension)).get(0);
            return HuntList.tagged(grplist, customs, tenant);
        });
    }

    /** Replaces the members with checked hunt list entries, stored as IssabelPBX stores {@code grplist}. */
    void setMembers(String extension, List<?> entries, CustomMembers customs, Caller caller) {
        db.transaction(connection -> {
            long tenant = tenantOf(connection, extension, caller);
            String grplist = HuntList.grplist(entries, customs, tenant,
                    numbers -> db.run(c -> MemberRule.tenantExtensions(c, numbers, tenant)));
            return Jdbc.update(connection, SqlFragment.of("UPDATE ringgroups SET grplist = ? WHERE grpnum = ?",
                    grplist, extension));
        });
    }

    /** The tenant owning a ring group the caller sees; 404 when there is none. */
    private static long tenantOf(Connection connection, String extension, Caller caller) throws SQLException {
        List<String> owner = Jdbc.column(connection, SqlFragment.of("SELECT ")
                .append(Ownership.ownerOf(KIND, "r.grpnum")).append(" FROM ringgroups r")
                .append(SqlFragment.where(SqlFragment.of("r.grpnum = ?", extension), visible(caller))));
        if (owner.isEmpty()) {
            throw ApiException.notFound("No " + NOUN + " " + extension);
        }
        return Long.parseLong(owner.get(0));
    }

    /** The members a change sets, as sent; null when it leaves them as they are. */
    private static List<String> members(RingGroupChange change) {
        Object grplist = change.columns().get(IssabelRingGroup.MEMBERS_COLUMN);
        return grplist == null ? null : IssabelRingGroup.splitMembers((String) grplist);
    }

    /** The INSERT of a ring group with defaults applied: its number, then each of its columns. */
    static SqlFragment insertStatement(RingGroupChange group) {
        StringJoiner columns = new StringJoiner(", ", "INSERT INTO ringgroups (grpnum, ", ")");
        StringJoiner marks = new StringJoiner(", ", " VALUES (?, ", ")");
        List<Object> params = new ArrayList<>();
        params.add(group.extension());
        group.columns().forEach((column, value) -> {
            columns.add(column);
            marks.add("?");
            params.add(value);
        });
        return new SqlFragment(columns + marks.toString(), params);
    }

    /** The UPDATE of only the columns sent (at least one) of the change's ring group, as a PUT writes them. */
    static SqlFragment updateStatement(RingGroupChange change) {
        StringJoiner set = new StringJoiner(", ", "UPDATE ringgroups SET ", " WHERE grpnum = ?");
        List<Object> params = new ArrayList<>();
        change.columns().forEach((column, value) -> {
            set.add(column + " = ?");
            params.add(value);
        });
        params.add(change.extension());
        return new SqlFragment(set.toString(), params);
    }

    /** Writes every column, as IssabelPBX does: the sent values over pbxapi's defaults. */
    private Saved insert(Connection connection, RingGroupChange change, CustomMembers customs, Caller caller,
            Numbering.Range range) throws SQLException {
        RingGroupChange group = IssabelRingGroup.withDefaults(IssabelRingGroup.requireCreatable(change));
        MemberRule.requireTenants(connection, members(group), customs, caller);
        Numbering.requireAvailable(connection, group.extension(), range, "extension");
        Jdbc.update(connection, insertStatement(group));
        Ownership.assign(connection, KIND, group.extension(), caller.tenantId());
        index.add(connection, group.extension());
        AstDbChanges astdb = IssabelRingGroup.callerId(group);
        astDb.write(connection, astdb);
        return new Saved(group.extension(), true, astdb);
    }

    private static boolean exists(Connection connection, String extension, SqlFragment condition)
            throws SQLException {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM ringgroups r")
                .append(SqlFragment.where(SqlFragment.of("r.grpnum = ?", extension), condition));
        return Jdbc.number(connection, sql) > 0;
    }

    private static SqlFragment visible(Caller caller) {
        return Ownership.visibleTo(caller, KIND, "r.grpnum");
    }

    /** Only the columns of the fields asked for; the number always, as {@code id}, to key the rows. */
    private static SqlFragment select(Query query) {
        return query.select("id", Map.of("id", "r.grpnum", "extension", "r.grpnum"));
    }
}
