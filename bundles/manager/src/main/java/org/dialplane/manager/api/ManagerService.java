package org.dialplane.manager.api;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs one allow-listed AMI action. Errors are core's {@link org.dialplane.core.rest.ApiException}s, as over
 * HTTP: 403 for a caller that is not global and read-write or a refused field, 404 for an action that is not
 * allowed, 422 for invalid fields, 503 without AMI, 502 when Asterisk refuses.
 */
@ProviderType
public interface ManagerService {
    /**
     * Sends {@code action} (case-insensitive, e.g. {@code originate}) with {@code fields} (names
     * case-insensitive; values strings, numbers or booleans). Returns the response (Response, Message and its
     * fields) then one map per event of its event list.
     */
    List<Map<String, String>> run(String action, Map<String, ?> fields, Caller caller);
}
