package org.dialplane.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;

import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.MultivaluedHashMap;

class AuditResourceTest {

    @Test
    void whenFiltersGiven_thenParametersNeverSqlText() {
        SqlFragment where = AuditResource.filter("2026-11-01", "2026-12-01T00:00:00Z", "x' OR 1=1 --", "t1",
                "post", "/ext_%", "4xx");
        assertEquals(" WHERE at >= ? AND at < ? AND (actor = ? OR actor_name = ?) AND tenant_code = ? AND method = ?"
                + " AND path LIKE ? ESCAPE '!' AND status BETWEEN ? AND ?", where.sql());
        assertEquals(List.of(LocalDateTime.of(2026, 11, 1, 0, 0), LocalDateTime.of(2026, 12, 1, 0, 0),
                "x' OR 1=1 --", "x' OR 1=1 --", "t1", "POST", "/ext!_!%%", 400, 499), where.params());
    }

    @Test
    void whenNoFilter_thenNoWhere() {
        assertTrue(AuditResource.filter(null, "", " ", null, null, null, null).isEmpty());
    }

    @Test
    void whenFilterMalformed_then400NamingIt() {
        for (String[] bad : new String[][] { { "status", "abc" }, { "status", "600" }, { "from", "yesterday" },
                { "method", "GET X" } }) {
            ApiException e = assertThrows(ApiException.class, () -> AuditResource.filter(
                    bad[0].equals("from") ? bad[1] : null, null, null, null,
                    bad[0].equals("method") ? bad[1] : null, null, bad[0].equals("status") ? bad[1] : null));
            assertEquals(400, e.problem().status());
            assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
        }
    }

    @Test
    void whenPathHasIdsAndACreatedLocation_thenBothNamed() {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("ids", "1005,1006");
        assertEquals("ids=1005,1006; created=1007",
                AuditFilter.objectIds(parameters, URI.create("http://h/pbxapi/extensions/1007")));
        assertNull(AuditFilter.objectIds(new MultivaluedHashMap<>(), null));
    }
}
