package org.dialplane.core.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.dialplane.core.auth.Caller;

/**
 * One write: who ({@code actorKind}: {@link #USER}, {@link #KEY}, {@link #CALLER} or {@link #NONE}; {@code actor}:
 * the user name or the API key's id), the caller's tenant, from which address, and what: the method, the path (a
 * template such as {@code /extensions/{ids}} where one is known), the ids of the objects and the names of the
 * fields sent, and the HTTP status answered. Never a field's value, never a credential.
 */
public record AuditEntry(Instant at, String actorKind, String actor, String actorName, Long tenantId,
        String tenantCode, boolean global, String address, String method, String path, String objectIds,
        List<String> fields, int status) {
    /** A user logged in with a password (or tried to). */
    public static final String USER = "user";
    /** An API key; {@code actor} is its id, {@code actorName} its name. */
    public static final String KEY = "key";
    /** An authenticated caller whose credential the recorder does not know; {@code actorName} is its name. */
    public static final String CALLER = "caller";
    /** No credential, or one that was not recognised. */
    public static final String NONE = "none";

    public AuditEntry {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * A write by an authenticated caller ({@code null}: none), as a servlet records it: the path as the servlet
     * names it (e.g. {@code /pbx/proxyapi.php?action=DIAL}, without credentials), the objects' ids (or null).
     */
    public static AuditEntry of(Caller caller, String address, String method, String path, String objectIds,
            Collection<String> fields, int status) {
        return new AuditEntry(Instant.now(), caller == null ? NONE : CALLER, null,
                caller == null ? null : caller.name(), caller == null ? null : caller.tenantId(),
                caller == null ? null : caller.tenantCode(), caller != null && caller.global(), address, method,
                path, objectIds, fields == null ? List.of() : List.copyOf(fields), status);
    }
}
