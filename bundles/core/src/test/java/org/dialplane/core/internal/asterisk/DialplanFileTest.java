package org.dialplane.core.internal.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.DialplanFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialplanFileTest {
    private static final String PATH_7 = "[dp-responsepath-7]\nexten => s,1,Answer()\n";
    private static final String CUSTOM_3 = "[dp-custom-3]\nexten => s,1,Dial(Local/5551234@from-internal,30)\n";

    @TempDir
    Path etc;

    private DialplanFile file() {
        return new DialplanFileComponent(AsteriskPaths.of(etc.resolve("spool"), etc, etc.resolve("sounds")));
    }

    @Test
    void whenTwoOwnersWrite_thenEachKeepsItsOwnSection() throws Exception {
        DialplanFile file = file();
        assertTrue(file.replaceSection("org.dialplane.responsepaths", PATH_7));
        assertTrue(file.replaceSection("org.dialplane.customdestinations", CUSTOM_3));
        assertTrue(file.replaceSection("org.dialplane.responsepaths", PATH_7.replace("Answer", "Playback(hello)")));

        assertEquals(PATH_7.replace("Answer", "Playback(hello)"), file.section("org.dialplane.responsepaths"));
        assertEquals(CUSTOM_3, file.section("org.dialplane.customdestinations"));
        String text = Files.readString(etc.resolve("extensions_dialplane.conf"));
        assertTrue(text.startsWith("; Written by Dialplane"), text);
        assertFalse(text.contains("Answer()"), text);
    }

    @Test
    void whenSameTextWrittenAgain_thenFileUnchanged() {
        DialplanFile file = file();
        assertTrue(file.replaceSection("org.dialplane.responsepaths", PATH_7));
        assertFalse(file.replaceSection("org.dialplane.responsepaths", PATH_7));
    }

    @Test
    void whenEmptyTextWritten_thenSectionRemovedAndOthersKept() throws Exception {
        DialplanFile file = file();
        file.replaceSection("org.dialplane.responsepaths", PATH_7);
        file.replaceSection("org.dialplane.customdestinations", CUSTOM_3);
        assertTrue(file.replaceSection("org.dialplane.responsepaths", ""));
        assertEquals("", file.section("org.dialplane.responsepaths"));
        assertEquals(CUSTOM_3, file.section("org.dialplane.customdestinations"));
        assertFalse(Files.readString(file.path()).contains("responsepaths"));
    }

    @Test
    void whenOperatorNoteOutsideSections_thenKept() throws Exception {
        Files.writeString(etc.resolve("extensions_dialplane.conf"), "; my note\n");
        file().replaceSection("org.dialplane.responsepaths", PATH_7);
        assertTrue(Files.readString(file().path()).startsWith("; my note\n"));
    }

    @Test
    void whenTextHoldsDirectiveMarkerOrBadOwner_thenRefusedAndNothingWritten() {
        DialplanFile file = file();
        assertThrows(IllegalArgumentException.class, () -> file.replaceSection("x", "#include /etc/passwd\n"));
        assertThrows(IllegalArgumentException.class, () -> file.replaceSection("x", "  #exec /bin/sh\n"));
        assertThrows(IllegalArgumentException.class,
                () -> file.replaceSection("x", ";; dialplane section end: x\n[evil]\n"));
        assertThrows(IllegalArgumentException.class, () -> file.replaceSection("x", "exten => s,1,NoOp()\r\n"));
        assertThrows(IllegalArgumentException.class, () -> file.replaceSection("../x", PATH_7));
        assertThrows(IllegalArgumentException.class, () -> file.replaceSection("Upper", PATH_7));
        assertFalse(Files.exists(file.path()));
    }

    @Test
    void whenNoConfigurationDirectory_thenNothingWritten() {
        DialplanFile file = new DialplanFileComponent(
                AsteriskPaths.of(etc.resolve("spool"), etc.resolve("missing"), etc.resolve("sounds")));
        assertFalse(file.replaceSection("org.dialplane.responsepaths", PATH_7));
        assertEquals("", file.section("org.dialplane.responsepaths"));
    }

    @Test
    void whenManyOwnersWriteAtOnce_thenNoSectionIsLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writes.add(pool.submit(() -> file().replaceSection("owner-" + n, "[ctx-" + n + "]\n")));
            }
            for (Future<Boolean> write : writes) {
                assertTrue(write.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 40; i++) {
            assertEquals("[ctx-" + i + "]\n", file().section("owner-" + i));
        }
    }
}
