package org.dialplane.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void whenFileIsNamedLikeAMigration_thenVersionAndNameAreRead() {
        Migration m = Migration.fromFile("/db/migration/V002__users_and_keys.sql", "SELECT 1").orElseThrow();
        assertEquals(2, m.version());
        assertEquals("users_and_keys", m.name());
    }

    @Test
    void whenFileIsNotAMigration_thenItIsNotOne() {
        assertTrue(Migration.fromFile("db/migration/README.sql", "").isEmpty());
        assertTrue(Migration.fromFile("db/migration/V1_single_underscore.sql", "").isEmpty());
        assertTrue(Migration.fromFile("db/migration/V003__x.sql.bak", "").isEmpty());
    }

    @Test
    void whenOrdered_thenVersionsAscendNumericallyNotAlphabetically() {
        List<Migration> ordered = Migration.ordered(List.of(migration("V10__ten.sql"), migration("V002__two.sql"),
                migration("V1__one.sql")));
        assertEquals(List.of(1, 2, 10), ordered.stream().map(Migration::version).toList());
    }

    @Test
    void whenTwoFilesShareAVersion_thenOrderingFails() {
        assertThrows(IllegalStateException.class,
                () -> Migration.ordered(List.of(migration("V002__a.sql"), migration("V2__b.sql"))));
    }

    @Test
    void whenContentChanges_thenChecksumChanges() {
        assertNotEquals(new Migration(1, "a", "SELECT 1").checksum(), new Migration(1, "a", "SELECT 2").checksum());
        assertEquals(64, new Migration(1, "a", "").checksum().length());
    }

    private static Migration migration(String file) {
        return Migration.fromFile(file, "SELECT 1").orElseThrow();
    }
}
