package org.dialplane.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class AgentIdTest {
    private static final Caller DEVEL = new Caller("key", 7, "DEVEL", false, false);
    private static final Caller ADMIN = new Caller("admin", 1, "default", true, false);
    private static final Tenants TENANTS = new Tenants() {
        @Override
        public Optional<Tenant> byId(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Tenant> byCode(String code) {
            return "DEVEL".equals(code) ? Optional.of(new Tenant(7, "DEVEL", "Devel", true, null, null))
                    : Optional.empty();
        }
    };

    @Test
    void whenIdIsANumberOrMirtasNumberDashTenant_thenItParses() {
        assertEquals(new AgentId("402", null), AgentId.parse("402"));
        assertEquals(new AgentId("104", "DEVEL"), AgentId.parse("104-DEVEL"));
        assertEquals(new AgentId("104", "my-tenant_2"), AgentId.parse("104-my-tenant_2"));
        assertEquals("104-DEVEL", AgentId.parse("104-DEVEL").toString());
    }

    @Test
    void whenIdIsAnythingElse_then400() {
        for (String bad : new String[] {"", "abc", "104-", "-DEVEL", "104-2DEVEL", "104,105", "104-DE VEL",
                "104-DEVEL\r\nAction: Logoff", "104-" + "x".repeat(33), "1".repeat(21)}) {
            ApiException refused = assertThrows(ApiException.class, () -> AgentId.parse(bad), bad);
            assertEquals(400, refused.problem().status(), bad);
        }
        assertEquals(400, assertThrows(ApiException.class, () -> AgentId.parse(null)).problem().status());
    }

    @Test
    void whenCodeIsTheCallersOwn_thenTheExtensionIsTheCallers() {
        assertSame(DEVEL, AgentId.parse("104-DEVEL").scope(DEVEL, TENANTS));
        assertSame(DEVEL, AgentId.parse("104").scope(DEVEL, TENANTS));
    }

    @Test
    void whenTenantNamesAnotherTenantsCode_then404() {
        ApiException other = assertThrows(ApiException.class, () -> AgentId.parse("104-OTHER").scope(DEVEL, TENANTS));
        assertEquals(404, other.problem().status());
        // Codes are compared as stored: devel is not DEVEL.
        assertEquals(404, assertThrows(ApiException.class,
                () -> AgentId.parse("104-devel").scope(DEVEL, TENANTS)).problem().status());
    }

    @Test
    void whenGlobalCallerNamesATenant_thenItActsForThatTenantOnly() {
        Caller scoped = AgentId.parse("104-DEVEL").scope(ADMIN, TENANTS);
        assertEquals(new Caller("admin", 7, "DEVEL", false, false), scoped);
        assertSame(ADMIN, AgentId.parse("104").scope(ADMIN, TENANTS));
        assertEquals(404, assertThrows(ApiException.class,
                () -> AgentId.parse("104-NOPE").scope(ADMIN, TENANTS)).problem().status());
    }
}
