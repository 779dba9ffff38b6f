package org.dialplane.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    @Test
    void whenNothingSet_thenDefaultsApply() {
        AuthSettings settings = AuthSettings.from(name -> null);

        assertNull(settings.adminPassword());
        assertEquals(Duration.ofHours(1), settings.accessTokenTtl());
        assertEquals(Duration.ofDays(1), settings.refreshTokenTtl());
    }

    @Test
    void whenTtlsSet_thenTheyAreSeconds() {
        Map<String, String> properties = Map.of(AuthSettings.ACCESS_TOKEN_TTL, "2",
                AuthSettings.REFRESH_TOKEN_TTL, " 60 ", AuthSettings.ADMIN_PASSWORD, "pw");
        AuthSettings settings = AuthSettings.from(properties::get);

        assertEquals(Duration.ofSeconds(2), settings.accessTokenTtl());
        assertEquals(Duration.ofSeconds(60), settings.refreshTokenTtl());
        assertEquals("pw", settings.adminPassword());
    }

    @Test
    void whenTtlInvalid_thenDefaultApplies() {
        Map<String, String> properties = Map.of(AuthSettings.ACCESS_TOKEN_TTL, "-5",
                AuthSettings.REFRESH_TOKEN_TTL, "soon");
        AuthSettings settings = AuthSettings.from(properties::get);

        assertEquals(Duration.ofHours(1), settings.accessTokenTtl());
        assertEquals(Duration.ofDays(1), settings.refreshTokenTtl());
    }

    @Test
    void whenPrinted_thenPasswordIsNotShown() {
        assertFalse(AuthSettings.from(Map.of(AuthSettings.ADMIN_PASSWORD, "hunter2")::get).toString()
                .contains("hunter2"));
    }
}
