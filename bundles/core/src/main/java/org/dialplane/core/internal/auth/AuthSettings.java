package org.dialplane.core.internal.auth;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The launcher's auth settings, as framework properties (see the launcher's Setting). */
record AuthSettings(String adminPassword, Duration accessTokenTtl, Duration refreshTokenTtl) {
    private static final Logger LOG = LoggerFactory.getLogger(AuthSettings.class);

    static final String ADMIN_PASSWORD = "dialplane.admin.password";
    static final String ACCESS_TOKEN_TTL = "dialplane.access.token.ttl";
    static final String REFRESH_TOKEN_TTL = "dialplane.refresh.token.ttl";

    static AuthSettings from(BundleContext context) {
        return from(context::getProperty);
    }

    static AuthSettings from(UnaryOperator<String> properties) {
        String password = properties.apply(ADMIN_PASSWORD);
        return new AuthSettings(password == null || password.isEmpty() ? null : password,
                seconds(properties, ACCESS_TOKEN_TTL, 3600), seconds(properties, REFRESH_TOKEN_TTL, 86400));
    }

    private static Duration seconds(UnaryOperator<String> properties, String name, long fallback) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(fallback);
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{}={} is not a positive number of seconds; using {}", name, value, fallback);
        return Duration.ofSeconds(fallback);
    }

    @Override
    public String toString() {
        return "AuthSettings[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl + "]";
    }
}
