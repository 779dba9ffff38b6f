package org.dialplane.ringgroups;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.dialplane.ringgroups.api.RingGroupChange;

/**
 * How IssabelPBX stores a ring group: one {@code ringgroups} row with every column written (its own
 * {@code ringgroups_add} leaves none NULL), the members joined with {@code -}, checkboxes as {@code CHECKED} or
 * {@code ''}, and the caller id settings in AstDB under {@code RINGGROUP/<n>/}.
 */
final class IssabelRingGroup {
    static final String FAMILY = "RINGGROUP";
    static final String MEMBERS_COLUMN = "grplist";
    /** What IssabelPBX's dialplan tests for a ticked checkbox ({@code needsconf == "CHECKED"}). */
    static final String CHECKED = "CHECKED";
    /** The AstDB keys a new ring group gets when the request does not set them. */
    static final Map<String, String> DEFAULT_CALLER_ID = Map.of("changecid", "default", "fixedcid", "");

    private IssabelRingGroup() {
    }

    /** Whether a change names only columns and keys a ring group has: the column names are written into SQL. */
    static boolean isKnown(RingGroupChange change) {
        Set<String> columns = defaultColumns("").keySet();
        return change.columns().keySet().stream().allMatch(c -> c.equals(MEMBERS_COLUMN) || columns.contains(c))
                && DEFAULT_CALLER_ID.keySet().containsAll(change.callerId().keySet());
    }

    /** A new ring group: what was not sent gets the values IssabelPBX's pbxapi creates it with. */
    static RingGroupChange withDefaults(RingGroupChange change) {
        Map<String, Object> all = new LinkedHashMap<>(defaultColumns(change.extension()));
        all.putAll(change.columns());
        Map<String, String> keys = new LinkedHashMap<>(DEFAULT_CALLER_ID);
        keys.putAll(change.callerId());
        return new RingGroupChange(change.extension(), all, keys);
    }

    /**
     * Fails unless a ring group can be created from this change: the members are required, also when a PUT
     * creates it (a POST checks this with the rest of its body).
     */
    static RingGroupChange requireCreatable(RingGroupChange change) {
        if (!change.columns().containsKey(MEMBERS_COLUMN)) {
            throw ApiException.invalid(List.of(new Problem.FieldError(RingGroupFields.MEMBERS, "is required")));
        }
        return change;
    }

    /**
     * Every column but {@code grpnum}, with the values Issabel's pbxapi creates a ring group with. The name is
     * not defaulted by pbxapi, but IssabelPBX's own form refuses an empty one, so a new group is named after
     * its number.
     */
    static Map<String, Object> defaultColumns(String extension) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("strategy", "ringall");
        columns.put("grptime", 20);
        columns.put("grppre", "");
        columns.put("annmsg_id", 0);
        columns.put("postdest", "app-blackhole,hangup,1");
        columns.put("description", "Ring Group " + extension);
        columns.put("alertinfo", "");
        columns.put("remotealert_id", 0);
        columns.put("needsconf", "");
        columns.put("toolate_id", 0);
        columns.put("ringing", "Ring");
        columns.put("cwignore", "");
        columns.put("cfignore", "");
        columns.put("cpickup", "");
        columns.put("recording", "dontcare");
        return columns;
    }

    /** {@code ["200","201"]} as IssabelPBX's {@code grplist}: {@code 200-201}. */
    static String joinMembers(List<String> members) {
        return String.join("-", members);
    }

    /** IssabelPBX's {@code grplist} as the API's list; an empty list for an empty column. */
    static List<String> splitMembers(String grplist) {
        if (grplist == null || grplist.isBlank()) {
            return List.of();
        }
        return Arrays.stream(grplist.split("-")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    }

    /**
     * A checkbox column's value. Only {@code CHECKED} and {@code ''} are written: IssabelPBX treats any other
     * non-empty value (such as the {@code off} Issabel's pbxapi stores) as ticked for three of the four.
     */
    static String checkbox(boolean ticked) {
        return ticked ? CHECKED : "";
    }

    /** The caller id keys sent, written under {@code RINGGROUP/<n>/}. */
    static AstDbChanges callerId(RingGroupChange change) {
        AstDbChanges changes = new AstDbChanges();
        change.callerId().forEach((key, value) -> changes.put(FAMILY, change.extension() + "/" + key, value));
        return changes;
    }

    /** Everything IssabelPBX removes from AstDB with a ring group. */
    static AstDbChanges deleted(List<String> extensions) {
        AstDbChanges changes = new AstDbChanges();
        extensions.forEach(x -> changes.deleteTree(FAMILY, x));
        return changes;
    }
}
