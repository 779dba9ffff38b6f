package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Function;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class ScopeTest {
    private static final Caller GLOBAL = new Caller("seed", 1, "default", true, true);
    private static final Caller DEVEL = new Caller("devel", 7, "DEVEL", false, false);
    private static final Function<String, Optional<Tenant>> TENANTS = code -> code.equals("DEVEL")
            ? Optional.of(new Tenant(7, "DEVEL", "Development", true, null, null)) : Optional.empty();

    @Test
    void whenGlobalKeyNamesATenant_thenItActsAsThatTenantKeepingReadOnly() {
        Caller acting = Scope.of(GLOBAL, "DEVEL", TENANTS);
        assertEquals(7, acting.tenantId());
        assertEquals("DEVEL", acting.tenantCode());
        assertFalse(acting.global());
        assertTrue(acting.readOnly());
    }

    @Test
    void whenNoTenantOrPercent_thenTheKeysOwnCaller() {
        assertSame(GLOBAL, Scope.of(GLOBAL, null, TENANTS));
        assertSame(GLOBAL, Scope.of(GLOBAL, "%", TENANTS));
        assertSame(DEVEL, Scope.of(DEVEL, "%", TENANTS));
        assertSame(DEVEL, Scope.of(DEVEL, "devel", TENANTS));
    }

    @Test
    void whenTenantKeyNamesAnotherTenant_then403AndUnknownTenantIs404() {
        assertEquals(403, assertThrows(ApiException.class, () -> Scope.of(DEVEL, "OTHER", TENANTS)).problem()
                .status());
        assertEquals(404, assertThrows(ApiException.class, () -> Scope.of(GLOBAL, "OTHER", TENANTS)).problem()
                .status());
    }
}
