package org.dialplane.customdestinations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dialplane.core.asterisk.DialplanFile;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.testing.fakes.FakePbx;
import org.junit.jupiter.api.Test;

class CustomDestinationNotifierTest {
    private final FakePbx pbx = new FakePbx();
    /** Each write: the section's owner and text, and how many applies had been requested before it. */
    private final List<String> writes = new ArrayList<>();
    private final DialplanFile file = new DialplanFile() {
        @Override
        public Path path() {
            return Path.of("extensions_dialplane.conf");
        }

        @Override
        public boolean replaceSection(String owner, String text) {
            writes.add(owner + " | " + text + " | applies before: " + pbx.applies.size());
            return true;
        }

        @Override
        public String section(String owner) {
            return "";
        }
    };
    private String generated = "[dp-custom-1]\nexten => s,1,Hangup()\n";
    private final CustomDestinationNotifier notifier = new CustomDestinationNotifier(new AfterCommit(pbx, pbx), file,
            () -> generated);

    @Test
    void whenDestinationWritten_thenSectionRewrittenBeforeTheApply() {
        notifier.written("custom destinations: 1", true);

        assertEquals(List.of("org.dialplane.customdestinations | [dp-custom-1]\nexten => s,1,Hangup()\n"
                + " | applies before: 0"), writes);
        assertEquals(List.of("custom destinations: 1"), pbx.applies);
        assertEquals(List.of(), pbx.pushed);
    }

    @Test
    void whenReloadIsZero_thenSectionRewrittenWithoutApply() {
        notifier.written("custom types: 3", false);

        assertEquals(1, writes.size());
        assertEquals(List.of(), pbx.applies);
    }

    @Test
    void whenDatabaseChangedBetweenWrites_thenEachRegenerationWritesItsState() {
        notifier.written("custom destinations: 1", false);
        generated = "";
        notifier.written("custom destinations: 1", true);

        assertEquals("org.dialplane.customdestinations |  | applies before: 0", writes.get(1));
    }

    @Test
    void whenRegenerationFails_thenTheApplyIsStillRequested() {
        CustomDestinationNotifier failing = new CustomDestinationNotifier(new AfterCommit(pbx, pbx), file, () -> {
            throw new IllegalStateException("database gone");
        });

        failing.written("custom destinations: 2", true);

        assertEquals(List.of(), writes);
        assertEquals(List.of("custom destinations: 2"), pbx.applies);
    }
}
