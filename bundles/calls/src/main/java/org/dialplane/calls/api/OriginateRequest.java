package org.dialplane.calls.api;

import java.util.Map;

/**
 * A validated {@code POST /pbxapi/calls}: ring {@code source}'s device, then dial {@code dest} in
 * {@code from-internal}. {@code variables} are as sent, not yet prefixed with the tenant code.
 *
 * @param account  the CDR account code, or null
 * @param callerId the caller id shown on the source phone, or null for the extension's own
 */
public record OriginateRequest(String source, String dest, String account, Map<String, String> variables,
        int timeoutSeconds, String callerId) {
}
