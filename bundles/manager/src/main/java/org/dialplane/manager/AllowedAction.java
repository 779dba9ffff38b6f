package org.dialplane.manager;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.rest.Validation;

/**
 * One action the pass-through lets through: the fields a caller may send (in their AMI spelling), the fields
 * that are refused outright with 403 (never merely unknown), and how a validated body becomes the AMI action.
 */
record AllowedAction(List<String> fields, Set<String> forbidden, Builder builder) {

    /** Builds the AMI action from a body whose keys are already the allowed AMI spellings. */
    @FunctionalInterface
    interface Builder {
        /** Records field problems in {@code v} (422 later) or throws 403 for values that are not allowed. */
        AmiAction build(Validation v, Map<String, Object> body);
    }

    AllowedAction(List<String> fields, Builder builder) {
        this(fields, Set.of(), builder);
    }
}
