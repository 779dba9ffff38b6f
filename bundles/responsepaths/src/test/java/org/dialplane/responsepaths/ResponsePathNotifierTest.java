package org.dialplane.responsepaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.DialplanFile;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.responsepaths.api.Destination;
import org.dialplane.testing.fakes.FakePbx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsePathNotifierTest {
    private final FakePbx pbx = new FakePbx();
    private final Map<String, String> sections = new HashMap<>();
    private final List<Definition> stored = new ArrayList<>();

    @TempDir
    Path spool;

    private ResponsePathNotifier notifier() {
        DialplanFile file = new DialplanFile() {
            @Override
            public Path path() {
                return spool.resolve("extensions_dialplane.conf");
            }

            @Override
            public boolean replaceSection(String owner, String text) {
                return !text.equals(sections.put(owner, text));
            }

            @Override
            public String section(String owner) {
                return sections.getOrDefault(owner, "");
            }
        };
        AsteriskPaths paths = AsteriskPaths.of(spool, spool.resolve("etc"), spool.resolve("sounds"));
        return new ResponsePathNotifier(new AfterCommit(pbx, pbx), file, () -> paths,
                new ResponsePathNotifier.Source() {
                    @Override
                    public List<Definition> paths() {
                        return stored;
                    }

                    @Override
                    public Map<String, String> sounds(List<Definition> paths) {
                        return Map.of();
                    }
                });
    }

    private static Definition path(long id, boolean voicefile) {
        return new Definition(id, 1, "Path " + id, List.of(), List.of(), voicefile, new Destination("extension", "104"));
    }

    @Test
    void whenPathWritten_thenTheWholeSectionIsRegeneratedThenOneApplyRequested() {
        stored.add(path(7, false));
        stored.add(path(8, false));

        notifier().written("8", true);

        String section = sections.get(ResponsePathNotifier.SECTION);
        assertTrue(section.contains("[dp-responsepath-7]") && section.contains("[dp-responsepath-8]"), section);
        assertEquals(List.of("response paths: 8"), pbx.applies);
        assertEquals(List.of(), pbx.pushed);
    }

    @Test
    void whenReloadIsZero_thenTheDialplanIsWrittenButNotApplied() {
        stored.add(path(7, false));

        notifier().written("7", false);

        assertTrue(sections.get(ResponsePathNotifier.SECTION).contains("[dp-responsepath-7]"));
        assertEquals(List.of(), pbx.applies);
    }

    @Test
    void whenTheLastPathIsDeleted_thenTheSectionIsEmptied() {
        sections.put(ResponsePathNotifier.SECTION, "[dp-responsepath-7]\n");

        notifier().written("7", true);

        assertEquals("", sections.get(ResponsePathNotifier.SECTION));
    }

    @Test
    void whenAPathRecordsVoiceMessages_thenItsFolderIsMadeUnderTheSpool() {
        stored.add(path(9, true));
        stored.add(path(10, false));

        notifier().written("9", true);

        assertTrue(Files.isDirectory(spool.resolve("responsepaths").resolve("9")));
        assertFalse(Files.exists(spool.resolve("responsepaths").resolve("10")));
    }
}
