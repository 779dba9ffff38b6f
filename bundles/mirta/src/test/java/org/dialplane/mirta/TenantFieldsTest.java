package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.junit.jupiter.api.Test;

class TenantFieldsTest {

    @Test
    void whenMirtaFieldsSent_thenCoresNamesAndPkFieldsReportedNotKept() {
        TenantFields.Change change = TenantFields.change(Map.of("te_code", "RELAX", "te_name", "Relax",
                "pk_start", 800, "pk_end", "810"), null);
        assertEquals(Map.of("code", "RELAX", "name", "Relax"), change.fields());
        assertEquals(List.of("pk_end", "pk_start"), change.ignored().stream().sorted().toList());
    }

    @Test
    void whenPkFieldsMalformedOrReversed_then422NamingThem() {
        ApiException malformed = assertThrows(ApiException.class,
                () -> TenantFields.change(Map.of("pk_start", "x"), null));
        assertEquals(422, malformed.problem().status());
        assertEquals("pk_start", malformed.problem().errors().get(0).field());
        ApiException reversed = assertThrows(ApiException.class,
                () -> TenantFields.change(Map.of("pk_start", 820, "pk_end", 810), null));
        assertEquals("pk_end", reversed.problem().errors().get(0).field());
    }

    @Test
    void whenTeIdIsNotTheObjectId_then400() {
        assertEquals(400, assertThrows(ApiException.class,
                () -> TenantFields.change(Map.of("te_id", "461"), "460")).problem().status());
        assertEquals(Map.of(), TenantFields.change(Map.of("te_id", 460), "460").fields());
    }

    @Test
    void whenCoreRefusesFields_thenTheyAreNamedAsMirtaNamesThem() {
        ApiException core = ApiException.invalid(List.of(new Problem.FieldError("code", "is required"),
                new Problem.FieldError("range_start", "x")));
        List<Problem.FieldError> errors = TenantFields.renamed(core).problem().errors();
        assertEquals("te_code", errors.get(0).field());
        assertEquals("range_start", errors.get(1).field());
    }

    @Test
    void whenTenantAnswered_thenEveryValueIsTextAsPhpReadsIt() {
        Map<String, Object> row = TenantFields.mirta(new Tenant(460, "RELAX", "Relax", false, 800L, 810L));
        assertEquals("460", row.get("te_id"));
        assertEquals("0", row.get("te_enabled"));
        assertEquals(null, row.get("pk_start"));
    }
}
