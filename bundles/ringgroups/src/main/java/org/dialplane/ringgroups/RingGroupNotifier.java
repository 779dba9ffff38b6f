package org.dialplane.ringgroups;

import java.util.List;

import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;

/**
 * What the PBX must hear once a write of ring groups has committed: their AstDB caller id keys, and an apply
 * unless the caller sent {@code reload=0}. Ring groups own no file: the apply writes their dialplan.
 */
final class RingGroupNotifier {
    private final AfterCommit afterCommit;

    RingGroupNotifier(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    void saved(RingGroupRepository.Saved saved, boolean apply) {
        afterCommit.written(reason(List.of(saved.extension())), saved.astdb(), apply);
    }

    /** A bulk import: the AstDB keys of every row pushed, then one apply for all. */
    void imported(int rows, AstDbChanges astdb, boolean apply) {
        afterCommit.written("ring groups: " + rows + " imported", astdb, apply);
    }

    void deleted(List<String> ringGroups, AstDbChanges astdb, boolean apply) {
        afterCommit.written(reason(ringGroups), astdb, apply);
    }

    /** Logged with the apply request: the numbers, or how many when a delete names many. */
    private static String reason(List<String> ringGroups) {
        return "ring groups: " + (ringGroups.size() <= 5 ? String.join(",", ringGroups) : ringGroups.size());
    }
}
