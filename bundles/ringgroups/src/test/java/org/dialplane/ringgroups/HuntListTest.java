package org.dialplane.ringgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class HuntListTest {
    private static final long TENANT = 7;
    /** Tenant 7 has custom destination 67 dialling 3564732920 and 68 of another type. */
    private static final CustomMembers CUSTOMS = new CustomMembers() {
        private final Map<Long, Custom> customs = Map.of(67L, new Custom(67, "Boss phone", Optional.of("3564732920")),
                68L, new Custom(68, "Support DID", Optional.empty()));

        @Override
        public Optional<Custom> find(long id, long tenantId) {
            return tenantId == TENANT ? Optional.ofNullable(customs.get(id)) : Optional.empty();
        }

        @Override
        public Optional<Long> idOf(String number, long tenantId) {
            return tenantId == TENANT && number.equals("3564732920") ? Optional.of(67L) : Optional.empty();
        }
    };

    private static String grplist(List<?> entries, CustomMembers customs) {
        return HuntList.grplist(entries, customs, TENANT, numbers -> Set.of("1701", "1703", "1705"));
    }

    @Test
    void whenSeedEntriesSet_thenStoredAsIssabelPbxStoresThemAndReadBackTagged() {
        String stored = grplist(List.of("EXT-1701", "EXT-1703", "EXT-1705", "CUSTOM-67"), CUSTOMS);
        assertEquals("1701-1703-1705-3564732920#", stored);
        assertEquals(List.of("EXT-1701", "EXT-1703", "EXT-1705", "CUSTOM-67"), HuntList.tagged(stored, CUSTOMS, TENANT));
    }

    @Test
    void whenEntriesUnknownForeignOrMalformed_then422NamingEachOfThem() {
        ApiException e = assertThrows(ApiException.class, () -> grplist(Arrays.asList("EXT-1799", "CUSTOM-68",
                "CUSTOM-99", "SIP/1701", 1701, null, "EXT-1701", "EXT-1701"), CUSTOMS));
        assertEquals(422, e.problem().status());
        String messages = e.problem().errors().toString();
        for (String named : List.of("EXT-1799", "CUSTOM-68", "is not of an external number type", "CUSTOM-99",
                "SIP/1701", "1701:", "null", "EXT-1701: given twice")) {
            assertTrue(messages.contains(named), named + " in " + messages);
        }
        assertEquals(7, e.problem().errors().size());
    }

    @Test
    void whenCustomDestinationsAway_thenCustomEntriesAre503AndExtensionsStillWork() {
        assertEquals("1701", grplist(List.of("EXT-1701"), null));
        ApiException e = assertThrows(ApiException.class, () -> grplist(List.of("EXT-1701", "CUSTOM-67"), null));
        assertEquals(503, e.problem().status());
        assertEquals(List.of("EXT-1701"), HuntList.tagged("1701", null, TENANT));
        assertEquals(503, assertThrows(ApiException.class, () -> HuntList.tagged("1701-5551#", null, TENANT))
                .problem().status());
    }

    @Test
    void whenGrplistHoldsWhatIssabelPbxWrote_thenUnmatchedNumbersReadBackAsStored() {
        assertEquals(List.of("EXT-200", "5551234#", "CUSTOM-67"),
                HuntList.tagged("200-5551234#-3564732920#", CUSTOMS, TENANT));
        assertEquals(List.of("EXT-200", "5551234#"), HuntList.tagged("200-5551234#", CUSTOMS, 8));
    }

    @Test
    void whenEmptyOrTooLong_then422() {
        assertEquals(422, assertThrows(ApiException.class, () -> grplist(List.of(), CUSTOMS)).problem().status());
        assertEquals(422, assertThrows(ApiException.class, () -> grplist(null, CUSTOMS)).problem().status());
        List<String> many = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "EXT-" + (100000 + i)).toList();
        ApiException e = assertThrows(ApiException.class, () -> HuntList.grplist(many, CUSTOMS, TENANT,
                numbers -> Set.copyOf(numbers)));
        assertTrue(e.problem().errors().toString().contains("255"), e.problem().errors().toString());
    }
}
