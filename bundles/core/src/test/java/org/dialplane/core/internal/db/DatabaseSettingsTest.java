package org.dialplane.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void whenNoCdrUrl_thenCdrIsAsteriskcdrdbOnTheSameServer() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("dialplane.db.url",
                "jdbc:mariadb://10.0.0.5:3306/asterisk?connectTimeout=2000", "dialplane.db.user", "asteriskuser")::get);
        assertEquals("jdbc:mariadb://10.0.0.5:3306/asteriskcdrdb?connectTimeout=2000", s.cdrUrl());
        assertEquals("asteriskuser", s.user());
        assertEquals("", s.password());
    }

    @Test
    void whenCdrUrlIsSet_thenItIsUsed() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("dialplane.db.url", "jdbc:mariadb://a/asterisk",
                "dialplane.cdr.db.url", "jdbc:mariadb://b:3307/cdrs")::get);
        assertEquals("jdbc:mariadb://b:3307/cdrs", s.cdrUrl());
    }

    @Test
    void whenUrlNamesNoDatabase_thenSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.from(Map.of("dialplane.db.url", "jdbc:mariadb://a:3306/")::get));
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.from(Map.of("dialplane.db.url", "jdbc:mariadb://a/x`; DROP")::get));
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.from(Map.<String, String>of()::get));
    }

    @Test
    void whenServerUrlDerived_thenTheDatabaseIsDroppedAndOptionsKept() {
        assertEquals("jdbc:mariadb://h:1/?a=b", DatabaseSettings.serverUrl("jdbc:mariadb://h:1/db?a=b"));
        assertEquals("jdbc:mariadb://h/", DatabaseSettings.serverUrl("jdbc:mariadb://h/db"));
        assertEquals("db", DatabaseSettings.database("jdbc:mariadb://h/db?a=b"));
    }

    @Test
    void whenPrinted_thenThePasswordIsHidden() {
        DatabaseSettings s = new DatabaseSettings("jdbc:mariadb://h/a", "jdbc:mariadb://h/b", "u", "s3cret");
        assertFalse(s.toString().contains("s3cret"));
    }
}
