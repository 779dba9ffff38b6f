package org.dialplane.testing.fakes;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyListener;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;

/** The PBX as a notifier sees it: records the AstDB keys pushed and the applies requested, in order. */
public final class FakePbx implements AstDb, ApplyChanges {
    public final List<AstDbChanges.Op> pushed = new ArrayList<>();
    public final List<String> applies = new ArrayList<>();

    @Override
    public void push(AstDbChanges changes) {
        pushed.addAll(changes.ops());
    }

    @Override
    public void request(String reason) {
        applies.add(reason);
    }

    @Override
    public void write(Connection connection, AstDbChanges changes) {
        throw new UnsupportedOperationException("notifiers run after the transaction");
    }

    @Override
    public Map<String, String> read(Connection connection, String family, String keyPrefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApplyStatus status() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribe(ApplyListener listener) {
        throw new UnsupportedOperationException();
    }
}
