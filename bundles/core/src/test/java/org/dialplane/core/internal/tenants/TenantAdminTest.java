package org.dialplane.core.internal.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.TenantAdmin;
import org.dialplane.core.db.Database;
import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

/** {@link TenantAdmin}'s scope rules come before any database work; a database that fails is a 503. */
class TenantAdminTest {
    private static final Caller TENANT = new Caller("devel", 7, "DEVEL", false, false);
    private static final Caller GLOBAL_READER = new Caller("reader", 1, "default", true, true);
    private static final Caller GLOBAL = new Caller("admin", 1, "default", true, false);

    /** Every connection fails: whatever reaches the database answers 503. */
    private final TenantAdmin tenants = new TenantService(new Database() {
        @Override
        public DataSource pbx() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    (proxy, method, arguments) -> {
                        throw new SQLException("down");
                    });
        }

        @Override
        public DataSource cdr() {
            return pbx();
        }

        @Override
        public int migrate(org.osgi.framework.Bundle bundle) {
            throw new UnsupportedOperationException("no bundle migrates here");
        }
    });

    @Test
    void whenTenantCallerManagesTenants_then403() {
        assertEquals(403, status(() -> tenants.list(TENANT)));
        assertEquals(403, status(() -> tenants.get("1", TENANT)));
        assertEquals(403, status(() -> tenants.create(Map.of("code", "X", "name", "X"), TENANT)));
    }

    @Test
    void whenReadOnlyGlobalCallerWrites_then403ButMayRead() {
        assertEquals(403, status(() -> tenants.create(Map.of("code", "X", "name", "X"), GLOBAL_READER)));
        assertEquals(403, status(() -> tenants.update("1", Map.of("name", "X"), GLOBAL_READER)));
        assertEquals(403, status(() -> tenants.delete("2", GLOBAL_READER)));
        assertEquals(503, status(() -> tenants.list(GLOBAL_READER)));
    }

    @Test
    void whenDatabaseFails_then503() {
        assertEquals(503, status(() -> tenants.get("DEVEL", GLOBAL)));
        assertEquals(503, status(() -> tenants.create(Map.of("code", "X", "name", "X"), GLOBAL)));
    }

    private static int status(Runnable call) {
        return assertThrows(ApiException.class, call::run).problem().status();
    }
}
