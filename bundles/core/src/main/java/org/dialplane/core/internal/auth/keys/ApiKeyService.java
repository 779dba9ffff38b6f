package org.dialplane.core.internal.auth.keys;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.internal.auth.AuthProblems;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * API keys: global or limited to one tenant, read-write or read-only. Authenticates requests that present one,
 * and keeps tenant callers to their own tenant's keys.
 */
@Component(service = ApiKeyService.class)
public class ApiKeyService {
    /** {@code last_used} is written at most this often per key, not on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A key just made: the only moment its text is known. */
    record Minted(ApiKey key, String text) {
    }

    private final ApiKeyStore store;
    private final Tenants tenants;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ApiKeyService(@Reference Database database, @Reference Tenants tenants) {
        this.store = new ApiKeyStore(database.pbx());
        this.tenants = tenants;
    }

    /** The caller a key speaks for; 401 for a key that is malformed, unknown, revoked or wrong. */
    public Caller authenticate(String presented) throws SQLException {
        Optional<ApiKeyFormat.Presented> parts = ApiKeyFormat.parse(presented);
        Optional<ApiKeyStore.Credential> stored = parts.isEmpty() ? Optional.empty()
                : store.credential(parts.get().id(), Tenants.DEFAULT);
        if (stored.isEmpty() || !ApiKeyFormat.matches(parts.get().secret(), stored.get().secretHash())) {
            throw AuthProblems.unauthorized("The API key is not valid");
        }
        ApiKeyStore.Credential credential = stored.get();
        ApiKey key = credential.key();
        if (!credential.tenantEnabled()) {
            throw ApiException.forbidden("Tenant " + key.tenantCode() + " is disabled");
        }
        Instant now = clock.instant();
        if (key.lastUsed() == null || key.lastUsed().isBefore(now.minus(LAST_USED_PRECISION))) {
            store.touch(key.id(), now.truncatedTo(ChronoUnit.SECONDS));
        }
        return new Caller(key.name(), credential.actingTenantId(), credential.actingTenantCode(), key.global(),
                key.readOnly());
    }

    /** Whether a bearer credential is an API key rather than an access token. */
    public static boolean looksLikeKey(String credential) {
        return ApiKeyFormat.looksLikeKey(credential);
    }

    /** The id part of a presented key (not secret: it names the key in the audit log), if it has the key's form. */
    public static java.util.Optional<String> idOf(String presented) {
        return ApiKeyFormat.parse(presented).map(ApiKeyFormat.Presented::id);
    }

    List<ApiKey> list(Caller caller) throws SQLException {
        return store.list(caller.global() ? null : caller.tenantId());
    }

    /** A key the caller may see; 404 for another tenant's key, as if it did not exist. */
    ApiKey get(Caller caller, String id) throws SQLException {
        return store.find(id).filter(key -> caller.global() || key.tenantId() != null && key.tenantId() == caller.tenantId())
                .orElseThrow(() -> ApiException.notFound("No API key " + id));
    }

    Minted create(Caller caller, JsonBody body) throws SQLException {
        Validation v = Validation.of(body);
        String name = v.text("name").required().maxLength(100).value();
        boolean readOnly = v.bool("read_only").orElse(false);
        String tenantCode = v.text("tenant").maxLength(32).value();
        String imported = v.text("key").matches(ApiKeyFormat.IMPORTED,
                "an existing key to keep: 16 to 64 letters and digits").value();
        v.check();
        if (imported != null) {
            caller.requireGlobal(); // choosing a key's text is a migration step for the installation's admin
        }
        Tenant tenant = tenantFor(caller, tenantCode);
        ApiKeyFormat.Minted minted = imported != null ? ApiKeyFormat.imported(imported) : ApiKeyFormat.mint();
        ApiKey key = new ApiKey(minted.id(), name, tenant == null ? null : tenant.id(),
                tenant == null ? null : tenant.code(), readOnly,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        try {
            store.insert(key, minted.secretHash());
        } catch (SQLIntegrityConstraintViolationException idCollision) {
            if (imported != null) {
                throw ApiException.conflict("That key is already imported");
            }
            // 64 random bits: a collision is all but impossible, and a second draw settles it.
            return create(caller, body);
        }
        return new Minted(key, minted.key());
    }

    void delete(Caller caller, String id) throws SQLException {
        store.delete(get(caller, id).id());
    }

    /**
     * The tenant a new key is limited to: for a tenant caller always its own; for a global caller the one named,
     * or none (a global key).
     */
    private Tenant tenantFor(Caller caller, String tenantCode) {
        if (!caller.global()) {
            if (tenantCode != null && !tenantCode.equals(caller.tenantCode())) {
                throw ApiException.forbidden("A tenant key can only create keys for its own tenant");
            }
            return tenants.byId(caller.tenantId())
                    .orElseThrow(() -> ApiException.forbidden("The caller's tenant no longer exists"));
        }
        if (tenantCode == null) {
            return null;
        }
        return tenants.byCode(tenantCode).orElseThrow(() -> ApiException.invalid(
                List.of(new Problem.FieldError("tenant", "no tenant " + tenantCode))));
    }
}
