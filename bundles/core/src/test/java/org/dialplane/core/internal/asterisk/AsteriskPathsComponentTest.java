package org.dialplane.core.internal.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AsteriskPathsComponentTest {
    private final Map<String, String> framework = new HashMap<>();

    @Test
    void whenNothingIsConfigured_thenTheIssabelDefaults() {
        AsteriskPathsComponent paths = new AsteriskPathsComponent(config(Map.of()), framework::get);
        assertEquals(Path.of("/var/spool/asterisk"), paths.spool());
        assertEquals(Path.of("/etc/asterisk"), paths.etc());
        assertEquals(Path.of("/var/lib/asterisk/sounds"), paths.sounds());
        assertEquals(Path.of("/var/spool/asterisk/monitor"), paths.monitor());
        assertEquals(Path.of("/var/spool/asterisk/voicemail"), paths.voicemail());
        assertEquals(Path.of("/etc/asterisk/voicemail.conf"), paths.voicemailConf());
    }

    @Test
    void whenConfigured_thenTheConfigurationButBlankMeansTheDefault() {
        AsteriskPathsComponent paths = new AsteriskPathsComponent(
                config(Map.of("spool", "/srv/spool", "etc", " ", "sounds", " /srv/sounds ")), framework::get);
        assertEquals(Path.of("/srv/spool"), paths.spool());
        assertEquals(Path.of("/etc/asterisk"), paths.etc());
        assertEquals(Path.of("/srv/sounds"), paths.sounds());
    }

    @Test
    void whenTheLauncherSetsAPath_thenItWinsOverTheConfiguration() {
        framework.put(AsteriskPathsComponent.ETC_PROPERTY, "/from/env/etc");
        framework.put(AsteriskPathsComponent.SOUNDS_PROPERTY, "");
        AsteriskPathsComponent paths = new AsteriskPathsComponent(
                config(Map.of("spool", "/srv/spool", "etc", "/srv/etc", "sounds", "/srv/sounds")), framework::get);
        assertEquals(Path.of("/srv/spool"), paths.spool());
        assertEquals(Path.of("/from/env/etc"), paths.etc());
        assertEquals(Path.of("/srv/sounds"), paths.sounds());

        paths.modified(config(Map.of("etc", "/srv/other")));
        assertEquals(Path.of("/from/env/etc"), paths.etc());
    }

    @Test
    void whenTheConfigurationChanges_thenTheServiceAnswersTheNewPaths() {
        AsteriskPathsComponent paths = new AsteriskPathsComponent(config(Map.of()), framework::get);
        paths.modified(config(Map.of("spool", "/srv/spool")));
        assertEquals(Path.of("/srv/spool/monitor"), paths.monitor());
        paths.modified(config(Map.of()));
        assertEquals(Path.of("/var/spool/asterisk"), paths.spool());
    }

    /** A Config as SCR builds it: the configured values, the annotation's defaults for the rest. */
    static AsteriskPathsComponent.Config config(Map<String, String> values) {
        return (AsteriskPathsComponent.Config) Proxy.newProxyInstance(AsteriskPathsComponent.Config.class
                .getClassLoader(), new Class<?>[] {AsteriskPathsComponent.Config.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
