package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class DialReqtypeTest {

    @Test
    void whenVarsSent_thenNameValuePairsInOrder() {
        assertEquals(Map.of("callid", "453131", "empty", ""), DialReqtype.variables(List.of("callid=453131", "empty")));
    }

    @Test
    void whenVarWouldSmuggleAnotherVariableOrLine_then400() {
        for (String bad : List.of("a=1,AMPUSER=9", "a=1\r\nAction: Hangup", "bad name=1", "=1")) {
            assertEquals(400, assertThrows(ApiException.class, () -> DialReqtype.variables(List.of(bad))).problem()
                    .status(), bad);
        }
        assertThrows(ApiException.class, () -> DialReqtype.variables(Collections.nCopies(21, "a=1").stream()
                .map(v -> v.replace("a", "a" + Math.random()).replace(".", "")).toList()));
    }

    @Test
    void whenObjectNamedInAnyCaseOrPlural_thenTheCatalogsName() {
        assertEquals("PHONE", Catalog.normalize("MANAGEDB", "phones"));
        assertEquals("CUSTOMTYPE", Catalog.normalize("MANAGEDB", "CUSTOMTYPES"));
        assertEquals("CUSTOM", Catalog.normalize("MANAGEDB", "custom"));
        assertEquals("TENANT", Catalog.normalize("MANAGEDB", "Tenants"));
        assertEquals("RECORDING", Catalog.normalize("INFO", "recording"));
    }
}
