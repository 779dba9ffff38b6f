package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
