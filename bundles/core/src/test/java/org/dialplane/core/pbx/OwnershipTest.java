package org.dialplane.core.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.SqlFragment;
import org.junit.jupiter.api.Test;

/** The one ownership rule: the recorded owner, else the default tenant; a tenant sees what that rule gives it. */
class OwnershipTest {

    @Test
    void whenOwnerAsked_thenRecordedOwnerElseDefaultTenant() {
        SqlFragment owner = Ownership.ownerOf("extension", "u.extension");

        assertEquals("COALESCE((SELECT o.tenant_id FROM dp_tenant_objects o WHERE o.kind = ? AND o.object_id ="
                + " u.extension), (SELECT t.id FROM dp_tenants t WHERE t.code = 'default'))", owner.sql());
        assertEquals(List.of("extension"), owner.params());
    }

    @Test
    void whenTenantCaller_thenVisibleIsItsOwnershipByTheSameRule() {
        SqlFragment visible = Ownership.visibleTo(new Caller("key", 7, "DEVEL", false, false), "ringgroup", "r.grpnum");

        assertEquals(Ownership.ownerOf("ringgroup", "r.grpnum").sql() + " = ?", visible.sql());
        assertEquals(List.of("ringgroup", 7L), visible.params());
    }

    @Test
    void whenGlobalCaller_thenNoCondition() {
        assertTrue(Ownership.visibleTo(new Caller("admin", 1, "default", true, false), "extension", "u.extension")
                .isEmpty());
    }
}
