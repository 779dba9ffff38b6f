package org.dialplane.core.pbx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * AstDB writes that belong to one change of the configuration: collected while the change is prepared,
 * written to the mirror inside its transaction, and pushed to Asterisk after it commits.
 */
public final class AstDbChanges {

    /** One write: a put of {@code value}, or (value null) the deletion of the key and every key below it. */
    public record Op(String family, String key, String value) {
        public boolean isDelete() {
            return value == null;
        }
    }

    private final List<Op> ops = new ArrayList<>();

    public AstDbChanges put(String family, String key, String value) {
        ops.add(new Op(family, key, value == null ? "" : value));
        return this;
    }

    /** Deletes {@code family/key} and everything below it ({@code family/key/...}). */
    public AstDbChanges deleteTree(String family, String key) {
        ops.add(new Op(family, key, null));
        return this;
    }

    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }
}
