package org.dialplane.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.apply.ApplyListener;
import org.dialplane.core.apply.ApplyStatus;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.junit.jupiter.api.Test;

class AfterCommitTest {
    /** What reached the PBX, in order. */
    private final List<String> done = new ArrayList<>();
    private final AfterCommit afterCommit = new AfterCommit(new FakeAstDb(), new FakeApplyChanges());

    @Test
    void whenWritten_thenAstDbPushedThenFilesWrittenThenApplyRequested() {
        afterCommit.written("things: 1", new AstDbChanges().put("F", "1/k", "v"), true, () -> done.add("file a"),
                () -> done.add("file b"));

        assertEquals(List.of("push F/1/k=v", "file a", "file b", "apply things: 1"), done);
    }

    @Test
    void whenApplyIsFalse_thenNoApplyRequested() {
        afterCommit.written("things: 1", new AstDbChanges().put("F", "1/k", "v"), false);

        assertEquals(List.of("push F/1/k=v"), done);
    }

    @Test
    void whenNoAstDbChanges_thenNothingPushed() {
        afterCommit.written("things: 1", new AstDbChanges(), true);

        assertEquals(List.of("apply things: 1"), done);
    }

    @Test
    void whenAStepFails_thenTheOthersStillRun() {
        afterCommit.written("things: 1", new AstDbChanges().deleteTree("F", "1"), true, () -> {
            throw new IllegalStateException("disk full");
        }, () -> done.add("file b"));

        assertEquals(List.of("push F/1 deleted", "file b", "apply things: 1"), done);
    }

    private final class FakeAstDb implements AstDb {
        @Override
        public void write(Connection connection, AstDbChanges changes) {
            throw new UnsupportedOperationException("a notifier runs after the transaction");
        }

        @Override
        public void push(AstDbChanges changes) {
            changes.ops().forEach(op -> done.add("push " + op.family() + "/" + op.key()
                    + (op.isDelete() ? " deleted" : "=" + op.value())));
        }

        @Override
        public Map<String, String> read(Connection connection, String family, String keyPrefix) {
            throw new UnsupportedOperationException();
        }
    }

    private final class FakeApplyChanges implements ApplyChanges {
        @Override
        public void request(String reason) {
            done.add("apply " + reason);
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
}
