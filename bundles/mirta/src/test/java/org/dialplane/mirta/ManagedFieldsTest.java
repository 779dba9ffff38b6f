package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {
    private static final ManagedFields CUSTOM = new ManagedFields("CUSTOM", "cu", Map.of("cu_name", "name",
            "cu_param1", "param1"));
    private static final Caller DEVEL = new Caller("devel", 2, "DEVEL", false, false);

    @Test
    void whenMirtaFieldsSent_thenDialplanesNamesAndTheOthersNotKept() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("cu_name", "Boss private phone");
        sent.put("cu_id", 286);
        sent.put("cu_te_id", "2");
        sent.put("cu_param1", "0636287454");
        sent.put("cu_param4", "x");
        ManagedFields.Change change = CUSTOM.change(sent, "286", DEVEL);
        assertEquals(Map.of("name", "Boss private phone", "param1", "0636287454"), change.fields());
        assertEquals("Updated; not kept (no Dialplane equivalent): cu_param4", change.message("Updated"));
        assertEquals("Updated", CUSTOM.change(Map.of("cu_name", "x"), "286", DEVEL).message("Updated"));
        assertEquals(Map.of("param1", "3564732920"), CUSTOM.change(Map.of("cu_param1", 3564732920L), "286", DEVEL)
                .fields());
    }

    @Test
    void whenIdOrTenantIsNotTheObjects_then400() {
        assertEquals(400, assertThrows(ApiException.class, () -> CUSTOM.change(Map.of("cu_id", 67), "286", DEVEL))
                .problem().status());
        assertEquals(400, assertThrows(ApiException.class, () -> CUSTOM.change(Map.of("cu_id", 67), null, DEVEL))
                .problem().status());
        assertEquals(400, assertThrows(ApiException.class, () -> CUSTOM.change(Map.of("cu_te_id", 1), "286", DEVEL))
                .problem().status());
    }

    @Test
    void whenGlobalCallerUnscoped_then400NamingTenant() {
        ApiException e = assertThrows(ApiException.class,
                () -> CUSTOM.tenantCaller(new Caller("seed", 1, "default", true, false)));
        assertEquals(400, e.problem().status());
        assertEquals(DEVEL, CUSTOM.tenantCaller(DEVEL));
    }

    @Test
    void whenServiceAnswers422_thenMirtasFieldNames() {
        ApiException renamed = CUSTOM.renamed(ApiException.invalid(List.of(new Problem.FieldError("param1", "bad"),
                new Problem.FieldError("other", "bad"))));
        assertEquals(List.of("cu_param1", "other"), renamed.problem().errors().stream().map(Problem.FieldError::field)
                .toList());
    }

    @Test
    void whenValuesShown_thenStringsAsPhpReadsThem() {
        assertEquals("1", ManagedFields.text(true));
        assertEquals("20", ManagedFields.text(20L));
        assertEquals("102,104", ManagedFields.text(List.of("102", "104")));
        assertNull(ManagedFields.text(null));
    }
}
