package org.dialplane.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The resolved settings of one run. Precedence, highest first: command-line flag, environment variable,
 * {@code etc/dialplane.cfg}, built-in default.
 */
final class Settings {
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);

    Settings(Map<Setting, String> flags, Map<String, String> env, Path configFile) throws IOException {
        Properties file = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            }
        }
        for (Setting setting : Setting.values()) {
            String value = flags.get(setting);
            if (value == null) {
                value = env.get(setting.env);
            }
            if (value == null) {
                value = file.getProperty(setting.key);
            }
            values.put(setting, value == null ? setting.defaultValue : value.trim());
        }
        int port = httpPort();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be between 0 and 65535, not " + port);
        }
        String https = get(Setting.HTTPS_PORT);
        if (!https.isEmpty() && !https.matches("\\d{1,5}") || !https.isEmpty() && Integer.parseInt(https) > 65535) {
            throw new IllegalArgumentException("HTTPS port must be a number between 0 and 65535, not '" + https + "'");
        }
        if (!Logging.FORMATS.contains(get(Setting.LOG_FORMAT))) {
            throw new IllegalArgumentException("Log format must be one of " + Logging.FORMATS + ", not '"
                    + get(Setting.LOG_FORMAT) + "'");
        }
        if (!https.isEmpty() && get(Setting.TLS_CERTIFICATE).isEmpty()) {
            throw new IllegalArgumentException("HTTPS port " + https + " needs a certificate: set "
                    + Setting.TLS_CERTIFICATE.env + " (or " + Setting.TLS_CERTIFICATE.key + " in etc/dialplane.cfg)");
        }
    }

    private Settings(Map<Setting, String> values) {
        this.values.putAll(values);
    }

    /** These settings with some values replaced, e.g. by the embedded database's connection. */
    Settings with(Map<Setting, String> overrides) {
        Settings copy = new Settings(values);
        copy.values.putAll(overrides);
        return copy;
    }

    String get(Setting setting) {
        return values.get(setting);
    }

    int httpPort() {
        String port = get(Setting.HTTP_PORT);
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HTTP port must be a number, not '" + port + "'");
        }
    }

    /** The framework properties through which the bundles see these settings (empty ones left out). */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new java.util.HashMap<>();
        values.forEach((setting, value) -> {
            if (!value.isEmpty()) {
                properties.put(setting.property, value);
            }
        });
        return properties;
    }
}
