package org.dialplane.core.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorFilesTest {
    private static final LocalDateTime CALLDATE = LocalDateTime.of(2017, 11, 4, 13, 45, 16);
    private static final String NAME = "out-402-9922323232-20171104-134516-1509806457.625.wav";

    @TempDir
    Path dir;
    private Path spool;
    private Path monitor;
    private MonitorFiles files;

    @BeforeEach
    void spool() throws IOException {
        spool = dir.resolve("spool");
        monitor = Files.createDirectories(spool.resolve("monitor"));
        files = new MonitorFiles(paths(spool));
    }

    @Test
    void whenNameIsBare_thenItIsInTheFolderOfTheCallsDay() throws IOException {
        Path file = write(monitor.resolve("2017/11/04").resolve(NAME));
        assertEquals(Optional.of(file.toRealPath()), files.find(NAME, CALLDATE));
        assertEquals(Optional.empty(), files.find(NAME, CALLDATE.plusDays(1)));
    }

    @Test
    void whenRecordingStartedAfterMidnight_thenItIsInTheNextDaysFolder() throws IOException {
        Path file = write(monitor.resolve("2017/11/05").resolve(NAME));
        assertEquals(Optional.of(file.toRealPath()), files.find(NAME, LocalDateTime.of(2017, 11, 4, 23, 59, 50)));
        assertEquals(Optional.empty(), files.find(NAME, LocalDateTime.of(2017, 11, 3, 23, 59, 50)));
    }

    @Test
    void whenOlderLayoutUsed_thenANameInMonitorOrAnAbsolutePathInItIsFound() throws IOException {
        Path flat = write(monitor.resolve("old.wav"));
        assertEquals(Optional.of(flat.toRealPath()), files.find("old.wav", CALLDATE));
        assertEquals(Optional.of(flat.toRealPath()), files.find("old.wav", null));
        Path dated = write(monitor.resolve("2017/11/04").resolve(NAME));
        assertEquals(Optional.of(dated.toRealPath()), files.find(dated.toAbsolutePath().toString(), CALLDATE));
        assertEquals(Optional.of(dated.toRealPath()), files.find("2017/11/04/" + NAME, LocalDateTime.now()));
    }

    @Test
    void whenMissingBlankOrAFolder_thenNothingIsFound() throws IOException {
        Files.createDirectories(monitor.resolve("2017/11/04/folder.wav"));
        assertEquals(Optional.empty(), files.find(NAME, CALLDATE));
        assertEquals(Optional.empty(), files.find("", CALLDATE));
        assertEquals(Optional.empty(), files.find(null, CALLDATE));
        assertEquals(Optional.empty(), files.find("folder.wav", CALLDATE));
        assertEquals(Optional.empty(), files.find("x\0.wav", CALLDATE));
    }

    @Test
    void whenNameClimbsOut_thenRefusedEvenWhenTheFileIsThere() throws IOException {
        write(spool.resolve("secret.txt"));
        write(monitor.resolve("2017/11/04/inside.wav"));
        write(dir.resolve("passwd"));
        assertEquals(Optional.empty(), files.find("../secret.txt", CALLDATE));
        assertEquals(Optional.empty(), files.find("../../../passwd", CALLDATE));
        assertEquals(Optional.empty(), files.find("../../../../passwd", CALLDATE));
        assertEquals(Optional.empty(), files.find("../../../../../../../../../../etc/passwd", CALLDATE));
        // Inside after all, but only a caller-chosen name climbs like that: refused too.
        assertEquals(Optional.empty(), files.find("x/../inside.wav", CALLDATE));
        assertEquals(Optional.empty(), files.find(monitor + "/../secret.txt", CALLDATE));
    }

    @Test
    void whenAbsolutePathIsOutsideTheRoot_thenRefused() throws IOException {
        Path outside = write(dir.resolve("elsewhere/" + NAME));
        assertEquals(Optional.empty(), files.find(outside.toString(), CALLDATE));
        assertEquals(Optional.empty(), files.find(spool.resolve("monitor-other/x.wav").toString(), CALLDATE));
        assertTrue(Files.exists(Path.of("/etc/passwd")));
        assertEquals(Optional.empty(), files.find("/etc/passwd", CALLDATE));
    }

    @Test
    void whenSymbolicLinkLeadsOutOfTheRoot_thenRefused() throws IOException {
        Path secret = write(dir.resolve("secret.wav"));
        Files.createDirectories(monitor.resolve("2017/11/04"));
        Files.createSymbolicLink(monitor.resolve("2017/11/04").resolve(NAME), secret);
        Files.createSymbolicLink(monitor.resolve("2018"), dir);
        write(dir.resolve("01/02/y.wav"));
        assertEquals(Optional.empty(), files.find(NAME, CALLDATE));
        assertEquals(Optional.empty(), files.find("y.wav", LocalDateTime.of(2018, 1, 2, 0, 0)));
    }

    @Test
    void whenLinkStaysInsideTheRootOrTheRootIsALink_thenTheFileIsFound() throws IOException {
        Path real = write(monitor.resolve("archive/real.wav"));
        Files.createSymbolicLink(monitor.resolve("alias.wav"), real);
        assertEquals(Optional.of(real.toRealPath()), files.find("alias.wav", CALLDATE));

        Path bigDisk = Files.createDirectories(dir.resolve("bigdisk/monitor"));
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("monitor"), bigDisk);
        Path file = write(bigDisk.resolve("2017/11/04").resolve(NAME));
        MonitorFiles onLink = new MonitorFiles(paths(linked));
        assertEquals(Optional.of(file.toRealPath()), onLink.find(NAME, CALLDATE));
        assertEquals(Optional.of(file.toRealPath()), onLink.find(file.toString(), CALLDATE));
        assertEquals(Optional.of(file.toRealPath()),
                onLink.find(linked.resolve("monitor/2017/11/04").resolve(NAME).toString(), CALLDATE));
    }

    @Test
    void whenTheSpoolChanges_thenFindLooksInTheNewOne() throws IOException {
        Path other = dir.resolve("other");
        Path file = write(other.resolve("monitor/2017/11/04").resolve(NAME));
        Path[] current = {spool};
        MonitorFiles following = new MonitorFiles(new AsteriskPaths() {
            public Path spool() {
                return current[0];
            }

            public Path etc() {
                return dir;
            }

            public Path sounds() {
                return dir;
            }
        });
        assertEquals(Optional.empty(), following.find(NAME, CALLDATE));
        current[0] = other;
        assertEquals(Optional.of(file.toRealPath()), following.find(NAME, CALLDATE));
    }

    private AsteriskPaths paths(Path spoolRoot) {
        return AsteriskPaths.of(spoolRoot, dir.resolve("etc"), dir.resolve("sounds"));
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "RIFF");
    }
}
