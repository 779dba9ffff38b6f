package org.dialplane.ringgroups;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * What a tenant's ring group may ring, the one rule for every way members are written ({@code extension_list} on
 * create and update, whoever builds the change: the REST resource, an import, another bundle through
 * {@code RingGroupService}; and hunt list entries, {@link HuntList}):
 * <ul>
 * <li>an extension of the tenant: a plain number is dialled through {@code from-internal}, where every tenant's
 * extensions live, so another tenant's would ring that tenant's phone;</li>
 * <li>an external number, {@code <number>#} as IssabelPBX writes it, only when one of the tenant's custom
 * destinations of an external-number type dials it ({@code CUSTOM-<id>} in a hunt list): {@code #} entries are
 * dialled through {@code from-internal} too, so a free-form one could name another tenant's extension.</li>
 * </ul>
 * A number that is nobody's is refused as well, and with the same words as another tenant's: the answer must not
 * tell whether a number exists, and a number free today may be another tenant's tomorrow. Global callers (the
 * admin user, global keys) are not held to it on {@code extension_list}, as IssabelPBX's own GUI is not.
 */
final class MemberRule {
    static final String FIELD = RingGroupFields.MEMBERS;
    private static final Pattern EXTERNAL = Pattern.compile("(\\+?[0-9]{1,40})#");

    private MemberRule() {
    }

    /**
     * Checks the members a tenant's caller writes to its ring group (nothing for a global caller).
     *
     * @param members the {@code extension_list} entries as sent, each an extension or {@code <number>#}
     * @param customs the custom destinations, or null when their bundle is away
     * @throws ApiException 422 naming each entry at fault and why; 503 when an external number needs
     *         {@code customs} and their bundle is away
     */
    static void requireTenants(Connection connection, List<String> members, CustomMembers customs, Caller caller)
            throws SQLException {
        if (caller.global() || members == null) {
            return;
        }
        List<String> numbers = members.stream().filter(m -> !m.endsWith("#")).toList();
        Set<String> own = numbers.isEmpty() ? Set.of() : tenantExtensions(connection, numbers, caller.tenantId());
        List<Problem.FieldError> errors = problems(members, own, customs, caller.tenantId());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /**
     * The rule on members already read: {@code own} holds (at least) those of the members' numbers that are the
     * tenant's extensions, so an import reads them for all its rows at once.
     *
     * @return a problem for each entry at fault, named {@code extension_list[i]}; none when all are allowed
     * @throws ApiException 503 when an external number needs {@code customs} and their bundle is away
     */
    static List<Problem.FieldError> problems(List<String> members, Set<String> own, CustomMembers customs,
            long tenantId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            String at = FIELD + "[" + i + "]";
            Matcher external = EXTERNAL.matcher(member);
            if (!member.endsWith("#")) {
                if (!own.contains(member)) {
                    errors.add(new Problem.FieldError(at, "'" + member + "' is not an extension of your tenant"));
                }
            } else if (!external.matches()) {
                errors.add(new Problem.FieldError(at, "'" + member + "': an external number is digits (a leading +"
                        + " allowed) and #"));
            } else if (customs == null) {
                throw ApiException.unavailable("Custom destinations are not available now: the external number "
                        + member + " cannot be checked (extensions can)", HuntList.RETRY_AFTER_SECONDS);
            } else if (customs.idOf(external.group(1), tenantId).isEmpty()) {
                errors.add(new Problem.FieldError(at, "'" + member + "': an external number must be one that a"
                        + " custom destination of your tenant dials (of an external-number type); none does"));
            }
        }
        return errors;
    }

    /** Of these numbers, the extensions the tenant owns. */
    static Set<String> tenantExtensions(Connection connection, Collection<String> numbers, long tenantId)
            throws SQLException {
        Caller tenant = new Caller("ring group members", tenantId, "", false, true);
        return new HashSet<>(Jdbc.column(connection, SqlFragment.of("SELECT u.extension FROM users u")
                .append(SqlFragment.where(SqlFragment.in("u.extension", numbers),
                        Ownership.visibleTo(tenant, RingGroupRepository.EXTENSION_KIND, "u.extension")))));
    }
}
