package org.dialplane.core.internal.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Tenant;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.junit.jupiter.api.Test;

class TenantInputTest {
    private static final Tenant STORED = new Tenant(7, "ACME", "Acme Inc", true, 2000L, 2999L);

    @Test
    void whenCreatedWithAllFields_thenTheyAreTaken() {
        Tenant tenant = TenantInput.forCreate(JsonBody.of(Map.of("code", "DEVEL", "name", "Dev", "enabled", "0",
                "range_start", 100, "range_end", "199")));

        assertEquals(new Tenant(0, "DEVEL", "Dev", false, 100L, 199L), tenant);
    }

    @Test
    void whenCreatedWithoutOptionalFields_thenEnabledWithoutRange() {
        assertEquals(new Tenant(0, "t1", "One", true, null, null),
                TenantInput.forCreate(JsonBody.of(Map.of("code", "t1", "name", "One"))));
    }

    @Test
    void whenCodeIsNumericOrHasSymbols_thenRejected() {
        assertEquals(List.of("code"), fields(() -> TenantInput.forCreate(body("code", "123", "name", "x"))));
        assertEquals(List.of("code"), fields(() -> TenantInput.forCreate(body("code", "a b;", "name", "x"))));
    }

    @Test
    void whenSeveralFieldsAreWrong_thenEachIsNamed() {
        assertEquals(List.of("code", "name", "range_end"), fields(() -> TenantInput.forCreate(
                JsonBody.of(Map.of("code", "1bad", "range_start", 10, "range_end", 5)))));
    }

    @Test
    void whenRangeHalfGivenOrReversed_thenRejected() {
        assertEquals(List.of("range_end"), fields(() -> TenantInput.forCreate(
                JsonBody.of(Map.of("code", "a", "name", "x", "range_start", 100)))));
        assertEquals(List.of("range_end"), fields(() -> TenantInput.forCreate(
                JsonBody.of(Map.of("code", "a", "name", "x", "range_start", 200, "range_end", 100)))));
    }

    @Test
    void whenUpdatedWithSomeFields_thenOthersAreKept() {
        assertEquals(new Tenant(7, "ACME", "Acme Ltd", true, 2000L, 2999L),
                TenantInput.forUpdate(STORED, JsonBody.of(Map.of("name", "Acme Ltd"))));
    }

    @Test
    void whenRangeClearedWithNulls_thenTenantHasNoRange() {
        Map<String, Object> body = new HashMap<>();
        body.put("range_start", null);
        body.put("range_end", null);

        assertEquals(false, TenantInput.forUpdate(STORED, JsonBody.of(body)).hasRange());
    }

    @Test
    void whenCodeChanged_thenRejected() {
        assertEquals(List.of("code"), fields(() -> TenantInput.forUpdate(STORED, body("code", "OTHER"))));
    }

    private static JsonBody body(String... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return JsonBody.of(fields);
    }

    private static List<String> fields(Runnable action) {
        ApiException e = assertThrows(ApiException.class, action::run);
        assertEquals(422, e.problem().status());
        return e.problem().errors().stream().map(Problem.FieldError::field).toList();
    }
}
