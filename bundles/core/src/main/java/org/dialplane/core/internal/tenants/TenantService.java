package org.dialplane.core.internal.tenants;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.TenantAdmin;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants: lookup for every bundle ({@link Tenants}), and the rules of creating, changing and deleting them, for
 * {@code /tenants} and, with the caller's scope checked here, for other bundles ({@link TenantAdmin}).
 */
@Component(service = { TenantService.class, Tenants.class, TenantAdmin.class })
public class TenantService implements Tenants, TenantAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TenantService.class);

    private final TenantStore store;

    @Activate
    public TenantService(@Reference Database database) {
        this.store = new TenantStore(database.pbx());
    }

    @Override
    public Optional<Tenant> byId(long id) {
        try {
            return store.byId(id);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Tenant> byCode(String code) {
        try {
            return store.byCode(code);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    List<Tenant> list() throws SQLException {
        return store.list();
    }

    /** A tenant by its numeric id or its code; 404 if there is none. */
    Tenant get(String reference) throws SQLException {
        Optional<Tenant> tenant = reference.matches("\\d{1,18}") ? store.byId(Long.parseLong(reference))
                : store.byCode(reference);
        return tenant.orElseThrow(() -> ApiException.notFound("No tenant " + reference));
    }

    Tenant create(JsonBody body) throws SQLException {
        Tenant wanted = TenantInput.forCreate(body);
        if (store.byCode(wanted.code()).isPresent()) {
            throw ApiException.conflict("A tenant with code " + wanted.code() + " exists");
        }
        checkRangeIsFree(wanted);
        try {
            long id = store.insert(wanted);
            return new Tenant(id, wanted.code(), wanted.name(), wanted.enabled(), wanted.rangeStart(),
                    wanted.rangeEnd());
        } catch (SQLIntegrityConstraintViolationException e) {
            throw ApiException.conflict("A tenant with code " + wanted.code() + " exists");
        }
    }

    Tenant update(String reference, JsonBody body) throws SQLException {
        Tenant changed = TenantInput.forUpdate(get(reference), body);
        checkRangeIsFree(changed);
        store.update(changed);
        return changed;
    }

    void delete(String reference) throws SQLException {
        Tenant tenant = get(reference);
        if (DEFAULT.equals(tenant.code())) {
            throw ApiException.conflict("The default tenant cannot be deleted");
        }
        long usage = store.usage(tenant.id());
        if (usage > 0) {
            throw ApiException.conflict("Tenant " + tenant.code() + " still has " + usage
                    + " objects, API keys or users; remove them first");
        }
        store.delete(tenant.id());
    }

    @Override
    public List<Tenant> list(Caller caller) {
        caller.requireGlobal();
        try {
            return list();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Tenant get(String reference, Caller caller) {
        caller.requireGlobal();
        try {
            return get(reference);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Tenant create(Map<String, ?> fields, Caller caller) {
        requireGlobalWriter(caller);
        try {
            return create(JsonBody.of(fields));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Tenant update(String reference, Map<String, ?> fields, Caller caller) {
        requireGlobalWriter(caller);
        try {
            return update(reference, JsonBody.of(fields));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void delete(String reference, Caller caller) {
        requireGlobalWriter(caller);
        try {
            delete(reference);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void requireGlobalWriter(Caller caller) {
        caller.requireGlobal();
        caller.requireWriter();
    }

    private void checkRangeIsFree(Tenant tenant) throws SQLException {
        if (tenant.hasRange()) {
            Optional<Tenant> other = store.overlapping(tenant.rangeStart(), tenant.rangeEnd(), tenant.id());
            if (other.isPresent()) {
                throw ApiException.conflict("The extension range overlaps that of tenant " + other.get().code()
                        + " (" + other.get().rangeStart() + "-" + other.get().rangeEnd() + ")");
            }
        }
    }

    private static ApiException unavailable(SQLException e) {
        LOG.warn("Tenant lookup failed: {}", e.getMessage());
        return ApiException.unavailable("The database is not available", 5);
    }
}
