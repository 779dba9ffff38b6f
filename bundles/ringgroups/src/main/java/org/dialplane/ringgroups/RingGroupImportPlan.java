package org.dialplane.ringgroups;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.jobs.RowError;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.ringgroups.api.RingGroupChange;

/**
 * The rows of an import of ring groups, checked before anything is written: each by the same field declaration as
 * a single write ({@link RingGroupFields#checked}), numbers unique inside the import, then against the database as
 * a PUT would be: a ring group the caller sees is updated with the fields given; a new number must be free and
 * inside the caller's range, and needs {@code extension_list}; the members of a tenant's rows follow
 * {@link MemberRule}, read for all rows at once.
 */
final class RingGroupImportPlan {
    /** How many numbers one {@code IN (...)} names. */
    private static final int IN_CHUNK = 1000;

    /** A row that passed: its line, the change, and whether it updates an existing ring group. */
    record Planned(int line, RingGroupChange change, boolean existing) {
    }

    private RingGroupImportPlan() {
    }

    /** The rows' own checks; every problem goes to {@code errors}, the good rows come back. */
    static List<Planned> checked(List<ImportRows.Row> rows, String rowName, List<RowError> errors) {
        List<Planned> good = new ArrayList<>(rows.size());
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportRows.Row row : rows) {
            RingGroupFields.Checked checked = RingGroupFields.checked(JsonBody.of(row.fields()), false);
            String number = checked.change().extension();
            if (!row.fields().containsKey("extension")) {
                checked.validation().error("extension", "is required in an import");
            }
            if (number != null) {
                Integer first = firstLine.putIfAbsent(number, row.line());
                if (first != null) {
                    checked.validation().error("extension", number + " appears twice: first at " + rowName + " "
                            + first);
                }
            }
            if (checked.validation().hasErrors()) {
                for (Problem.FieldError error : checked.validation().errors()) {
                    errors.add(new RowError(row.line(), error.field(), error.message()));
                }
            } else {
                good.add(new Planned(row.line(), checked.change(), false));
            }
        }
        return good;
    }

    /**
     * The rows as the database stands, read at once (not row by row): the ones that can be written, marked new or
     * existing; the others go to {@code errors}.
     *
     * @param customs the custom destinations, or null when their bundle is away (then a tenant's row with an
     *                external number is a 503, as a single write is)
     */
    static List<Planned> against(Connection connection, List<Planned> rows, Caller caller, CustomMembers customs,
            List<RowError> errors) throws SQLException {
        Set<String> visible = new HashSet<>(Jdbc.column(connection, SqlFragment.of("SELECT r.grpnum FROM ringgroups r")
                .append(SqlFragment.where(Ownership.visibleTo(caller, RingGroupRepository.KIND, "r.grpnum")))));
        Set<String> taken = Numbering.taken(connection);
        Numbering.Range range = Ownership.range(connection, caller);
        Set<String> own = caller.global() ? Set.of() : tenantExtensions(connection, rows, caller.tenantId());
        CustomMembers dialled = customs == null ? null : remembering(customs);
        List<Planned> writable = new ArrayList<>(rows.size());
        for (Planned row : rows) {
            RingGroupChange change = row.change();
            String number = change.extension();
            boolean existing = visible.contains(number);
            List<String> members = members(change);
            List<Problem.FieldError> problems = caller.global() || members == null ? List.of()
                    : MemberRule.problems(members, own, dialled, caller.tenantId());
            if (!existing && taken.contains(number)) {
                errors.add(new RowError(row.line(), "extension", "number " + number + " is in use"));
            } else if (!existing && (Long.parseLong(number) < range.start() || Long.parseLong(number) > range.end())) {
                errors.add(new RowError(row.line(), "extension", "outside your tenant's range " + range.start()
                        + "-" + range.end()));
            } else if (!existing && members == null) {
                errors.add(new RowError(row.line(), RingGroupFields.MEMBERS, "is required to create ring group "
                        + number));
            } else if (!problems.isEmpty()) {
                problems.forEach(e -> errors.add(new RowError(row.line(), e.field(), e.message())));
            } else {
                writable.add(new Planned(row.line(), change, existing));
            }
        }
        return writable;
    }

    /** The custom destinations, each external number looked up once however many rows list it. */
    private static CustomMembers remembering(CustomMembers customs) {
        Map<String, Optional<Long>> ids = new HashMap<>();
        return new CustomMembers() {
            @Override
            public Optional<Custom> find(long id, long tenantId) {
                return customs.find(id, tenantId);
            }

            @Override
            public Optional<Long> idOf(String number, long tenantId) {
                return ids.computeIfAbsent(tenantId + ":" + number, key -> customs.idOf(number, tenantId));
            }
        };
    }

    /** The members a row sets, as sent; null when it leaves them as they are. */
    static List<String> members(RingGroupChange change) {
        Object grplist = change.columns().get(IssabelRingGroup.MEMBERS_COLUMN);
        return grplist == null ? null : IssabelRingGroup.splitMembers((String) grplist);
    }

    /** Of every number the rows list as members, the tenant's extensions: one read per {@value #IN_CHUNK}. */
    private static Set<String> tenantExtensions(Connection connection, List<Planned> rows, long tenantId)
            throws SQLException {
        Set<String> numbers = new HashSet<>();
        for (Planned row : rows) {
            List<String> members = members(row.change());
            if (members != null) {
                members.stream().filter(m -> !m.endsWith("#")).forEach(numbers::add);
            }
        }
        List<String> all = new ArrayList<>(numbers);
        Set<String> own = new HashSet<>();
        for (int start = 0; start < all.size(); start += IN_CHUNK) {
            own.addAll(MemberRule.tenantExtensions(connection, all.subList(start, Math.min(all.size(),
                    start + IN_CHUNK)), tenantId));
        }
        return own;
    }
}
