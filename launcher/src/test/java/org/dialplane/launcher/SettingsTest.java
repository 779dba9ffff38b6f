package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path etc;

    @Test
    void whenSetEverywhere_thenFlagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path cfg = etc.resolve("dialplane.cfg");
        Files.writeString(cfg, "http.port = 8001\nhttp.host = 10.0.0.1\nami.port = 5039\n");
        Settings settings = new Settings(Map.of(Setting.HTTP_PORT, "8003"),
                Map.of("DIALPLANE_HTTP_PORT", "8002", "DIALPLANE_HTTP_HOST", "10.0.0.2"), cfg);

        assertEquals("8003", settings.get(Setting.HTTP_PORT), "flag");
        assertEquals("10.0.0.2", settings.get(Setting.HTTP_HOST), "environment over the file");
        assertEquals("5039", settings.get(Setting.AMI_PORT), "file over the default");
        assertEquals("3600", settings.get(Setting.ACCESS_TOKEN_TTL), "default");
    }

    @Test
    void whenSettingEmpty_thenNoFrameworkPropertyForIt() throws Exception {
        Settings settings = new Settings(Map.of(), Map.of(), etc.resolve("missing.cfg"));
        Map<String, String> properties = settings.frameworkProperties();
        assertEquals("8080", properties.get("dialplane.http.port"));
        assertFalse(properties.containsKey("dialplane.db.url"), "empty = embedded database");
        assertFalse(properties.containsKey("dialplane.https.port"));
    }

    @Test
    void whenPortsMalformedOrHttpsWithoutCertificate_thenRefusedNamingTheSetting() {
        Path none = etc.resolve("missing.cfg");
        assertThrows(IllegalArgumentException.class,
                () -> new Settings(Map.of(Setting.HTTP_PORT, "http"), Map.of(), none));
        assertThrows(IllegalArgumentException.class,
                () -> new Settings(Map.of(Setting.HTTP_PORT, "70000"), Map.of(), none));
        assertThrows(IllegalArgumentException.class, () -> new Settings(Map.of(), Map.of(
                "DIALPLANE_HTTPS_PORT", "84x3", "DIALPLANE_TLS_CERTIFICATE", "/c.pem"), none));
        IllegalArgumentException noCertificate = assertThrows(IllegalArgumentException.class,
                () -> new Settings(Map.of(Setting.HTTPS_PORT, "8443"), Map.of(), none));
        assertTrue(noCertificate.getMessage().contains("DIALPLANE_TLS_CERTIFICATE"), noCertificate.getMessage());
    }

    @Test
    void whenLogFormatUnknown_thenRefusedNamingTheFormats() throws Exception {
        Path none = etc.resolve("missing.cfg");
        assertEquals("plain", new Settings(Map.of(), Map.of(), none).get(Setting.LOG_FORMAT));
        assertEquals("json", new Settings(Map.of(), Map.of("DIALPLANE_LOG_FORMAT", "json"), none)
                .get(Setting.LOG_FORMAT));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new Settings(Map.of(), Map.of("DIALPLANE_LOG_FORMAT", "xml"), none));
        assertTrue(unknown.getMessage().contains("[plain, json]"), unknown.getMessage());
    }

    @Test
    void whenHomeHasNoLoggingConfiguration_thenTheInstallationsIsUsed() throws Exception {
        Path install = Files.createDirectories(etc.resolve("install/etc")).getParent();
        Path home = Files.createDirectories(etc.resolve("home/etc")).getParent();
        assertEquals(install.resolve("etc/logback.xml"), Logging.configFile(install, home));
        Files.writeString(home.resolve("etc/logback.xml"), "<configuration/>");
        assertEquals(home.resolve("etc/logback.xml"), Logging.configFile(install, home));
    }
}
