package org.dialplane.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Cursor;
import org.junit.jupiter.api.Test;

class RecordRequestsTest {
    private static final Tenants TENANTS = new Tenants() {
        @Override
        public Optional<Tenant> byId(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Tenant> byCode(String code) {
            return code.equals("DEVEL") ? Optional.of(new Tenant(7, "DEVEL", "Devel", true, null, null))
                    : Optional.empty();
        }
    };
    private static final Caller ADMIN = new Caller("admin", 1, "default", true, false);
    private static final Caller DEVEL = new Caller("key", 7, "DEVEL", false, true);

    @Test
    void whenStartOrEndIsADateOrADateTime_thenItIsThatMoment() {
        assertEquals(LocalDateTime.of(2017, 1, 1, 0, 0), time("2017-01-01"));
        assertEquals(LocalDateTime.of(2017, 1, 1, 8, 30), time("2017-01-01T08:30"));
        assertEquals(LocalDateTime.of(2017, 1, 1, 8, 30, 15), time("2017-01-01 08:30:15"));
        assertNull(time(""));
        for (String bad : new String[] {"2017-13-01", "yesterday", "2017-01-01T08:30:00Z", "2017-01-01T08:30+01:00"}) {
            ApiException e = assertThrows(ApiException.class, () -> time(bad));
            assertTrue(e.getMessage().startsWith("start:"), e.getMessage());
        }
    }

    @Test
    void whenTenantAsked_thenGlobalCallersChooseAndTenantKeysGetTheirOwnOr403() {
        RecordRequests requests = new RecordRequests(TENANTS);
        assertNull(requests.tenant(null, ADMIN));
        assertNull(requests.tenant("%", ADMIN));
        assertNull(requests.tenant("*", ADMIN));
        assertEquals(new TenantScope(7, "DEVEL"), requests.tenant("DEVEL", ADMIN));
        assertEquals(400, assertThrows(ApiException.class, () -> requests.tenant("NOPE", ADMIN)).problem().status());
        assertEquals(new TenantScope(7, "DEVEL"), requests.tenant(null, DEVEL));
        assertEquals(new TenantScope(7, "DEVEL"), requests.tenant("DEVEL", DEVEL));
        for (String other : new String[] {"%", "*", "OTHER"}) {
            assertEquals(403, assertThrows(ApiException.class, () -> requests.tenant(other, DEVEL)).problem().status());
        }
    }

    @Test
    void whenCursorRoundTrips_thenTheKeyComesBackAndAnythingElseIs400() {
        String cursor = Cursor.encode("cdr", List.of("2017-01-01 10:00:00", "1483261200.1", "12"));
        assertEquals(List.of("2017-01-01 10:00:00", "1483261200.1", "12"), Cursor.decode(cursor, "cdr", 3));
        for (String bad : new String[] {"x", "bm90IGEgY3Vyc29y", Cursor.encode("queue_log", List.of("a", "b", "c")),
                Cursor.encode("cdr", List.of("a")), "%%%"}) {
            ApiException e = assertThrows(ApiException.class, () -> Cursor.decode(bad, "cdr", 3));
            assertTrue(e.getMessage().startsWith("after:"), e.getMessage());
        }
    }

    private static LocalDateTime time(String text) {
        return RecordRequests.time(Map.of("start", List.of(text)), "start");
    }
}
