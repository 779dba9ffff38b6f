package org.dialplane.core.internal.auth.keys;

import java.sql.SQLException;

import org.dialplane.core.auth.ApiKeys;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.internal.auth.AuthProblems;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ApiKeys} for code outside the REST application: the key check core's filter makes, with its answers. */
@Component(service = ApiKeys.class)
public class ApiKeyAuthentication implements ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthentication.class);
    private static final int RETRY_SECONDS = 5;

    private final ApiKeyService keys;

    @Activate
    public ApiKeyAuthentication(@Reference ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Caller authenticate(String key) {
        if (key == null || key.isBlank()) {
            throw AuthProblems.unauthorized("Authentication required: an API key");
        }
        try {
            return keys.authenticate(key);
        } catch (SQLException e) {
            LOG.warn("Could not check an API key: {}", e.getMessage());
            throw ApiException.unavailable("Credentials cannot be checked right now; the database is not available",
                    RETRY_SECONDS);
        }
    }
}
